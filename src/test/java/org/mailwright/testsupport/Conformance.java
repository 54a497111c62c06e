package org.mailwright.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared conformance data (../shared/conformance, passed by Maven as
 * {@code mailwright.conformance}). Where it is absent, as in a user's clone, the tests that need
 * it are skipped and say so; CI sets {@code mailwright.conformance.required=true}, and then its
 * absence fails them instead.
 */
public final class Conformance {

    /** The skip is said once on the build's output, where it is seen; each skipped test also carries it. */
    private static final AtomicBoolean SAID = new AtomicBoolean();

    private Conformance() {
    }

    /** The file or folder at {@code relative} inside the conformance data, or a skip (or failure in CI). */
    public static Path path(String relative) {
        String root = System.getProperty("mailwright.conformance", "../shared/conformance");
        Path path = Path.of(root).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            String why = "Conformance data " + path + " is missing (it lives in ../shared/conformance beside the clone).";
            if (Boolean.getBoolean("mailwright.conformance.required")) {
                throw new AssertionError(why);
            }
            if (SAID.compareAndSet(false, true)) {
                System.err.println(why + " The conformance tests skip themselves; CI runs them.");
            }
            Assumptions.abort(why + " Skipping.");
        }
        return path;
    }
}
