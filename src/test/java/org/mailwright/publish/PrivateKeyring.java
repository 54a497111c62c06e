package org.mailwright.publish;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Secret Service of the test's own: a D-Bus session bus ({@code dbus-daemon}) listening in a
 * temporary folder, and GNOME Keyring ({@code gnome-keyring-daemon}) on it with a new login keyring,
 * unlocked, in that folder too. Nothing of the user's session is reached: the environment given to
 * {@code secret-tool} is built from nothing but this bus and folder, and the bus starts no service
 * of its own (no service folders in its configuration), so the user's keyring is never touched.
 * Where one of the programs is missing the calling test is skipped, saying how to install them.
 */
public final class PrivateKeyring implements AutoCloseable {

    private static final String INSTALL = "install them with: apt-get install -y dbus gnome-keyring libsecret-tools";
    private static final Duration READY_WAIT = Duration.ofSeconds(15);
    private static final String BUS_CONFIG = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:dir=%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """;

    private final Path folder;
    private final Map<String, String> environment = new HashMap<>();
    private final Thread shutdownHook;
    private Process bus;
    private Process keyring;

    private PrivateKeyring(Path folder) {
        this.folder = folder;
        this.shutdownHook = new Thread(this::stopProcesses, "private keyring shutdown");
    }

    /**
     * Starts the bus and the keyring.
     *
     * @throws org.opentest4j.TestAbortedException (the test is skipped) when a program is missing
     * @throws AssertionError when they did not come up, with what they said
     */
    public static PrivateKeyring start() {
        for (String program : List.of("dbus-daemon", "dbus-send", "gnome-keyring-daemon", SecretService.PROGRAM)) {
            Assumptions.assumeTrue(onPath(program).isPresent(), program
                    + " is not installed, so the tests against a real keyring (the Secret Service) are skipped; " + INSTALL);
        }
        PrivateKeyring started;
        try {
            started = new PrivateKeyring(Files.createTempDirectory("mwkeyring"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            started.launch();
            return started;
        } catch (IOException e) {
            started.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
    }

    private void launch() throws IOException {
        Path runtime = Files.createDirectory(folder.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (String name : List.of("home", "data", "config", "cache")) {
            Files.createDirectory(folder.resolve(name));
        }
        Path config = Files.writeString(folder.resolve("bus.conf"), BUS_CONFIG.formatted(runtime), StandardCharsets.UTF_8);
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", folder.resolve("home").toString());
        environment.put("XDG_DATA_HOME", folder.resolve("data").toString());
        environment.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        environment.put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        environment.put("LC_ALL", "C");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        bus = process(List.of("dbus-daemon", "--config-file=" + config, "--print-address=1", "--nofork"), "bus.log");
        environment.put("DBUS_SESSION_BUS_ADDRESS", firstLine(bus));

        keyring = process(List.of("gnome-keyring-daemon", "--unlock", "--components=secrets", "--foreground"), "keyring.log");
        try (OutputStream password = keyring.getOutputStream()) {
            // --unlock reads the new login keyring's password from standard input, and unlocks it.
            password.write("private-keyring-password".getBytes(StandardCharsets.US_ASCII));
        }
        SecretService service = service(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        Optional<String> why = service.unavailableBecause();
        while (why.isPresent() && System.nanoTime() < deadline && keyring.isAlive()) {
            sleep(100);
            why = service.unavailableBecause();
        }
        if (why.isPresent()) {
            throw new AssertionError("The private keyring did not answer: " + why.get() + "\n" + logs());
        }
    }

    /** The environment for {@code secret-tool}: this bus and folder, nothing of the user's session. */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** The Secret Service of this keyring, which gives up on a call after {@code timeout}. */
    public SecretService service(Duration timeout) {
        return new SecretService(environment, timeout);
    }

    public SecretService service() {
        return service(SecretService.TIMEOUT);
    }

    /**
     * Locks the login keyring, as a session does when the screen locks. It stays locked: its
     * password prompt has no screen here, so lookups and deletions end as if there were no item.
     */
    public void lock() {
        List<String> command = List.of(onPath("dbus-send").orElseThrow(() -> new AssertionError("dbus-send is not installed"))
                .toString(), "--session", "--print-reply", "--dest=org.freedesktop.secrets", "/org/freedesktop/secrets",
                "org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/collection/login");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError("The private keyring was not locked: " + said + "\n" + logs());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while locking the private keyring.", e);
        }
    }

    /** What the bus and the keyring said, for a failure's message. */
    public String logs() {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("bus.log", "keyring.log")) {
            try {
                logs.append(name).append(":\n").append(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException unreadable) {
                logs.append(name).append(": ").append(unreadable.getMessage()).append('\n');
            }
        }
        return logs.toString();
    }

    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
            // The hook runs, or never was added: either way nothing is left to undo.
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopProcesses() {
        // The keyring first: it leaves when its bus goes, but not before writing what it holds.
        for (Process process : new Process[] {keyring, bus}) {
            if (process != null) {
                process.destroy();
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
    }

    private Process process(List<String> command, String log) throws IOException {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, onPath(command.get(0)).orElseThrow().toString());
        ProcessBuilder builder = new ProcessBuilder(resolved);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectError(folder.resolve(log).toFile());
        if (!log.equals("bus.log")) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve(log).toFile()));
        }
        return builder.start();
    }

    /** The bus's address, the first line it prints. */
    private String firstLine(Process process) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String address = line.get(READY_WAIT.toSeconds(), TimeUnit.SECONDS);
            if (address == null || address.isBlank()) {
                throw new AssertionError("dbus-daemon printed no address.\n" + logs());
            }
            return address.strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while dbus-daemon started.", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("dbus-daemon printed no address in time.\n" + logs(), e);
        }
    }

    private static Optional<Path> onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return Optional.of(Path.of(folder, program));
            }
        }
        return Optional.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while the private keyring started.", e);
        }
    }
}
