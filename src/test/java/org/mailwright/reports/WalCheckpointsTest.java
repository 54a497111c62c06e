package org.mailwright.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointsTest {

    private static final int PAGES = 300;

    @TempDir
    Path folder;

    @Test
    void theLogReachesTheDatabaseWhileAnotherConnectionKeepsWriting() throws Exception {
        Path database = folder.resolve("archive.db");
        String url = "jdbc:sqlite:" + database;
        Properties properties = new Properties();
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("synchronous", "NORMAL");
        // The writer never checkpoints: whatever reaches the database file, the background copied.
        properties.setProperty("wal_autocheckpoint", "0");
        try (Connection writer = DriverManager.getConnection(url, properties)) {
            try (Statement statement = writer.createStatement()) {
                statement.execute("CREATE TABLE pages (content BLOB)");
            }
            long before = Files.size(database);
            try (WalCheckpoints checkpoints = WalCheckpoints.start(url, properties);
                    PreparedStatement insert = writer.prepareStatement("INSERT INTO pages VALUES (?)")) {
                assertNotNull(checkpoints);
                for (int i = 0; i < PAGES; i++) {
                    insert.setBytes(1, new byte[4000]);
                    insert.executeUpdate();
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (Files.size(database) < PAGES * 4000L && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertTrue(Files.size(database) >= PAGES * 4000L,
                    "the database file grew from " + before + " to only " + Files.size(database) + " bytes");
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("mailwright-checkpoints")), "the thread ended with close");
    }

    @Test
    void anArchiveThatCannotBeOpenedAgainIsLeftToTheWritersOwnCheckpoints() {
        assertNull(WalCheckpoints.start("jdbc:sqlite:" + folder.resolve("no/such/folder/archive.db"), new Properties()));
    }
}
