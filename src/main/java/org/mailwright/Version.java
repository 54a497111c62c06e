package org.mailwright;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** This build's version, as Maven filtered it into {@code version.properties}. */
public final class Version {

    private static final String RESOURCE = "/org/mailwright/version.properties";

    private Version() {
    }

    /** The version, for example {@code 0.1.0}; empty when the build lacks the resource. */
    public static Optional<String> current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
