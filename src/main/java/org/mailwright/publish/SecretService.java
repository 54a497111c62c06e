package org.mailwright.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mailwright.dns.DomainName;

/**
 * The freedesktop Secret Service (GNOME Keyring, KDE Wallet, KeePassXC), reached through
 * {@code secret-tool} from libsecret: each zone's secret is one item with the attributes
 * {@code application mailwright zone ZONE}.
 *
 * <p>The secret goes to {@code secret-tool} on its standard input only, never as an argument,
 * because every user of the machine can read a process's arguments. Every call is bounded: what
 * it prints is read up to a limit, and a call that has not ended after the timeout is killed,
 * because a locked keyring may wait for its password forever. Messages name the zone and what
 * went wrong, never the secret.
 */
public final class SecretService {

    /**
     * How long one call may take: enough for the user to type the keyring's password when it asks,
     * short enough that a keyring nobody answers does not hold the secret back for long.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The program, looked for on the PATH of the environment it runs in. */
    static final String PROGRAM = "secret-tool";
    /** The label of each item, which the keyring's own window shows. */
    public static final String LABEL = "Mailwright: TSIG secret for ";

    /** More than any secret Mailwright stores: an item that long is not one of its secrets. */
    private static final int MAX_OUTPUT = TsigKeyFile.MAX_BYTES;
    /** Enough of an error message to say what went wrong. */
    private static final int MAX_ERROR = 4 * 1024;
    private static final int ERROR_SHOWN = 200;
    /** How long the output is waited for once the program has ended. */
    private static final long DRAIN_MILLIS = 1_000;
    /** secret-tool's exit status when no item matched, with nothing on standard error. */
    private static final int NOT_FOUND = 1;

    private final Map<String, String> environment;
    private final Duration timeout;

    /**
     * @param environment the whole environment {@code secret-tool} runs in: its {@code PATH} is where
     *     the program is looked for, and {@code DBUS_SESSION_BUS_ADDRESS} (else {@code
     *     $XDG_RUNTIME_DIR/bus}) the session bus where the service answers
     * @param timeout how long one call may take before it is killed
     */
    public SecretService(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A timeout is longer than nothing.");
        }
    }

    /** The Secret Service of this process's session. */
    public static SecretService forThisSession() {
        return new SecretService(System.getenv(), TIMEOUT);
    }

    /**
     * Why no secret can be kept here now; empty when the service answers. It answers when {@code
     * secret-tool} is on the PATH, a session bus is named, and a lookup that matches nothing ends
     * in time with "not found" and no error. Without a named bus nothing is run: libsecret would
     * start a bus of its own, where no keyring is.
     */
    public Optional<String> unavailableBecause() {
        if (program().isEmpty()) {
            return Optional.of(PROGRAM + " is not on the PATH (Debian and Ubuntu: apt-get install libsecret-tools)");
        }
        if (!sessionBusNamed()) {
            return Optional.of("no D-Bus session bus is named (neither DBUS_SESSION_BUS_ADDRESS nor $XDG_RUNTIME_DIR/bus)");
        }
        try {
            Answer answer = run(new byte[0], "lookup", "application", "mailwright", "availability", "probe");
            answer.forget();
            return answer.exit() == 0 || answer.notFound() ? Optional.empty() : Optional.of(answer.failure());
        } catch (SecretServiceException failed) {
            return Optional.of(failed.getMessage());
        } catch (IOException failed) {
            return Optional.of(PROGRAM + " could not be run: " + failed.getMessage());
        }
    }

    /**
     * Keeps {@code secret} as {@code zone}'s item, replacing the one there.
     *
     * @throws SecretServiceException when the service did not take it, or did not answer in time
     */
    public void store(DomainName zone, byte[] secret) throws IOException {
        Answer answer = run(secret, "store", "--label=" + LABEL + zone.ascii(), "application", "mailwright",
                "zone", zone.ascii());
        answer.forget();
        if (answer.exit() != 0) {
            throw new SecretServiceException("The keyring did not keep the secret of " + zone.ascii() + ": "
                    + answer.failure());
        }
    }

    /**
     * The secret kept for {@code zone}, which the caller zeroes after use; empty when there is none.
     *
     * @throws SecretServiceException when the service failed or did not answer in time, the item is
     *     locked, or it is longer than any secret
     */
    public Optional<byte[]> lookup(DomainName zone) throws IOException {
        Answer answer = run(new byte[0], "lookup", "application", "mailwright", "zone", zone.ascii());
        if (answer.exit() == 0) {
            return Optional.of(answer.output());
        }
        answer.forget();
        if (!answer.notFound()) {
            throw new SecretServiceException("The keyring did not give the secret of " + zone.ascii() + ": " + answer.failure());
        }
        if (held(zone)) {
            throw new SecretServiceException("The keyring did not give the secret of " + zone.ascii()
                    + ": its item is there, locked");
        }
        return Optional.empty();
    }

    /**
     * Deletes {@code zone}'s item.
     *
     * @return false when there was none
     * @throws SecretServiceException when the service failed or did not answer in time
     */
    public boolean clear(DomainName zone) throws IOException {
        Answer answer = run(new byte[0], "clear", "application", "mailwright", "zone", zone.ascii());
        answer.forget();
        if (answer.exit() == 0) {
            return true;
        }
        if (!answer.notFound()) {
            throw new SecretServiceException("The keyring did not delete the secret of " + zone.ascii() + ": " + answer.failure());
        }
        if (held(zone)) {
            throw new SecretServiceException("The keyring did not delete the secret of " + zone.ascii()
                    + ": its item is there, locked");
        }
        return false;
    }

    /**
     * Whether {@code zone} has an item. {@code lookup} and {@code clear} end as "not found" for an
     * item in a locked keyring that cannot ask for its password (GNOME Keyring without its prompt),
     * while {@code search} lists a locked item without its secret: so "not found" is told apart from
     * "locked". An unlocked item would have been found, so its secret, which {@code search} prints
     * too, only comes here in a race, and is zeroed as every output is.
     */
    private boolean held(DomainName zone) throws IOException {
        Answer answer = run(new byte[0], "search", "application", "mailwright", "zone", zone.ascii());
        boolean listed = answer.output().length > 0;
        answer.forget();
        if (answer.exit() != 0) {
            throw new SecretServiceException("The keyring did not say whether it holds the secret of " + zone.ascii() + ": "
                    + answer.failure());
        }
        return listed;
    }

    /** {@code secret-tool} on the environment's PATH: the child's PATH, not this process's, is the one that counts. */
    private Optional<Path> program() {
        String path = environment.get("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(":")) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, PROGRAM);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    private boolean sessionBusNamed() {
        String address = environment.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return true;
        }
        String runtime = environment.get("XDG_RUNTIME_DIR");
        return runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"));
    }

    private Answer run(byte[] input, String... arguments) throws IOException {
        Path program = program().orElseThrow(() -> new SecretServiceException(PROGRAM + " is not on the PATH"));
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        Bounded output = new Bounded(process.getInputStream(), MAX_OUTPUT);
        Bounded error = new Bounded(process.getErrorStream(), MAX_ERROR);
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException closedEarly) {
                // The program ended before reading its input: its exit status and message say why.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SecretServiceException(PROGRAM + " did not answer within " + timeout.toSeconds()
                        + " s (a locked keyring may be waiting for its password)");
            }
            byte[] printed = output.take();
            byte[] said = error.take();
            if (printed == null || said == null) {
                forget(printed);
                throw new SecretServiceException(PROGRAM + " printed more than any secret, or did not close its output");
            }
            return new Answer(process.exitValue(), printed, new String(said, StandardCharsets.UTF_8));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Stopped while waiting for " + PROGRAM);
        } finally {
            process.destroyForcibly();
            output.abandon();
            error.abandon();
        }
    }

    private static void forget(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** What one call ended with; its output is zeroed by whoever is done with it. */
    private record Answer(int exit, byte[] output, String error) {

        /** No item matched: secret-tool ends so, and says nothing. */
        boolean notFound() {
            return exit == NOT_FOUND && error.isBlank();
        }

        /** The exit status and the first line of the message, short: for a sentence, not a dump. */
        String failure() {
            String line = error.strip().lines().findFirst().orElse("");
            if (line.length() > ERROR_SHOWN) {
                line = line.substring(0, ERROR_SHOWN) + "…";
            }
            return PROGRAM + " ended with status " + exit + (line.isEmpty() ? "" : " (" + line + ")");
        }

        void forget() {
            SecretService.forget(output);
        }
    }

    /**
     * One of the program's streams, read on a thread of its own so neither pipe fills while the
     * other is waited for: its first {@code limit} bytes kept, the rest read and dropped so the
     * program never blocks on a full pipe.
     */
    private static final class Bounded {
        private final byte[] buffer;
        private final Thread reader;
        private volatile int length;
        private volatile boolean overflowed;

        Bounded(InputStream stream, int limit) {
            buffer = new byte[limit];
            reader = new Thread(() -> read(stream), "secret-tool output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream stream) {
            try (stream) {
                int filled = 0;
                int read;
                while (filled < buffer.length && (read = stream.read(buffer, filled, buffer.length - filled)) >= 0) {
                    filled += read;
                }
                length = filled;
                byte[] dropped = new byte[1024];
                while ((read = stream.read(dropped)) >= 0) {
                    if (read > 0) {
                        overflowed = true;
                    }
                }
                Arrays.fill(dropped, (byte) 0);
            } catch (IOException closed) {
                // The program was killed, or its stream closed under the reader: what came is kept.
            }
        }

        /** What was read, in a new array; null when there was more than the limit or the stream stayed open. */
        byte[] take() throws InterruptedException {
            reader.join(DRAIN_MILLIS);
            if (reader.isAlive() || overflowed) {
                return null;
            }
            return Arrays.copyOf(buffer, length);
        }

        void abandon() {
            // A stream still open after the program was killed belongs to a process it left behind:
            // its reader ends when that one does, and the buffer holds nothing of use to anyone.
            Arrays.fill(buffer, (byte) 0);
        }
    }
}
