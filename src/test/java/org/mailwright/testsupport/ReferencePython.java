package org.mailwright.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Python scripts over the independent mail-authentication libraries Debian packages (dkimpy
 * as {@code python3-dkim}, authheaders as {@code python3-authheaders}), so that Mailwright's
 * results can be compared with another implementation's. Where they are not installed the tests
 * that need them are skipped and say so; CI installs them and sets
 * {@code mailwright.conformance.required=true}, and then their absence fails the tests instead.
 */
public final class ReferencePython {

    private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");

    private ReferencePython() {
    }

    /** A Python interpreter that can import every one of {@code modules}, or a skip. */
    public static String withModules(String... modules) {
        String imports = "import " + String.join(", ", modules);
        for (String python : CANDIDATES) {
            try {
                Process process = new ProcessBuilder(python, "-c", imports).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // Not there: try the next one.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String why = "No Python 3 with " + String.join(", ", modules)
                + " (Debian: apt-get install python3-dkim python3-authheaders python3-nacl python3-spf python3-dnspython).";
        if (Boolean.getBoolean("mailwright.conformance.required")) {
            throw new AssertionError(why);
        }
        Assumptions.abort(why + " Skipping.");
        return null;
    }

    /** Runs a script from the test resources; its standard output, or a failure with its errors. */
    public static String run(String python, Class<?> resourceOwner, String script, String... arguments)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile("mailwright-", ".py");
        try (var in = resourceOwner.getResourceAsStream(script)) {
            if (in == null) {
                throw new AssertionError("No test resource " + script);
            }
            Files.write(file, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of(python, file.toString()));
            command.addAll(List.of(arguments));
            Path errors = Files.createTempFile("mailwright-", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(script + " failed: " + Files.readString(errors));
            }
            Files.deleteIfExists(errors);
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
