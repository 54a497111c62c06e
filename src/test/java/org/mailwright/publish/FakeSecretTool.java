package org.mailwright.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for {@code secret-tool}, first on the PATH of an environment built from nothing (so
 * neither the real program nor the user's session bus can be reached): a shell script that keeps
 * each zone's item in a file of its own, taken from its standard input, and writes down every
 * command line it was given, so a test can prove what went where. {@link Behaviour} makes it fail
 * as real keyrings do.
 */
public final class FakeSecretTool {

    /** How the stand-in answers. */
    public enum Behaviour {
        /** As a keyring that works. */
        WORKS,
        /** As a session bus where no Secret Service is: every call fails, saying so. */
        NO_SERVICE,
        /** As a locked keyring whose prompt nobody answers: {@code store} never ends. */
        STORE_HANGS,
        /**
         * As a locked GNOME Keyring that cannot show its prompt: {@code store} is refused, {@code
         * lookup} and {@code clear} end as if there were no item, {@code search} lists it.
         */
        LOCKED,
        /** Every lookup of a zone prints more than any secret. */
        LOOKUP_FLOODS
    }

    private static final String SCRIPT = """
            #!/bin/sh
            # One line per call: the arguments, each followed by a tab.
            for argument in "$@"; do printf '%s\\t' "$argument"; done >> "$FAKE_SECRET_TOOL/argv"
            echo >> "$FAKE_SECRET_TOOL/argv"
            command="$1"
            eval "last=\\${$#}"
            case "$FAKE_BEHAVIOUR:$command" in
              NO_SERVICE:*) echo "secret-tool: The name org.freedesktop.secrets was not provided by any .service files" >&2; exit 1 ;;
              STORE_HANGS:store) exec sleep 60 ;;
              LOCKED:store) echo "secret-tool: Cannot create an item in a locked collection" >&2; exit 1 ;;
              LOCKED:lookup|LOCKED:clear) exit 1 ;;
              LOOKUP_FLOODS:lookup) [ "$last" = probe ] && exit 1; head -c 20000 /dev/zero | tr '\\000' A; exit 0 ;;
            esac
            item="$FAKE_SECRET_TOOL/item-$last"
            case "$command" in
              store) cat > "$item"; exit 0 ;;
              lookup) [ -f "$item" ] || exit 1; cat "$item"; exit 0 ;;
              clear) [ -f "$item" ] || exit 1; rm "$item"; exit 0 ;;
              search) [ -f "$item" ] && printf '[/1]\nlabel = item\n'; exit 0 ;;
            esac
            echo "secret-tool: unknown command $command" >&2
            exit 2
            """;

    private final Path folder;
    private final Path bin;

    /** The stand-in in {@code folder}, which the test owns (a {@code @TempDir}). */
    public FakeSecretTool(Path folder) {
        this.folder = folder;
        this.bin = folder.resolve("bin");
        try {
            Files.createDirectories(bin);
            Path program = bin.resolve(SecretService.PROGRAM);
            Files.writeString(program, SCRIPT, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment of a session with a bus and the stand-in answering as {@code behaviour}: only
     * what the stand-in and the shell need, nothing of this process's environment.
     */
    public Map<String, String> environment(Behaviour behaviour) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":/usr/bin:/bin");
        environment.put("HOME", folder.toString());
        environment.put("LC_ALL", "C");
        environment.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + folder.resolve("no-such-bus"));
        environment.put("FAKE_SECRET_TOOL", folder.toString());
        environment.put("FAKE_BEHAVIOUR", behaviour.name());
        return environment;
    }

    /** The Secret Service of {@link #environment}, which gives up on a call after {@code timeout}. */
    public SecretService service(Behaviour behaviour, Duration timeout) {
        return new SecretService(environment(behaviour), timeout);
    }

    public SecretService service(Behaviour behaviour) {
        return service(behaviour, Duration.ofSeconds(5));
    }

    /** Each call's arguments, in order; none when the program never ran. */
    public List<List<String>> calls() {
        try {
            return Files.readAllLines(folder.resolve("argv"), StandardCharsets.UTF_8).stream()
                    .map(line -> List.of(line.split("\t")))
                    .toList();
        } catch (NoSuchFileException never) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the stand-in keeps for {@code zone}: exactly what came on its standard input. */
    public Optional<String> item(String zone) {
        try {
            return Optional.of(Files.readString(folder.resolve("item-" + zone), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
