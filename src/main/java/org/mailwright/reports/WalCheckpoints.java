package org.mailwright.reports;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Copies an SQLite archive's write-ahead log into the database on a thread of its own, on a
 * connection of its own, while files are imported.
 *
 * <p>A checkpoint first waits for the disk to hold the log (synchronous=NORMAL), then copies it into
 * the database. Left to the importing thread's automatic checkpoint (every 10,000 pages), that wait
 * was some 25 ms for each 40 MB of log, 0.3 s of an import of 10,000 reports during which nothing
 * was written. Checkpointed here as the log grows, in SQLite's PASSIVE mode (which neither blocks the
 * writer nor waits for it), the log is mostly on disk and copied by the time the importing thread's
 * own checkpoint comes, and that one, which still restarts the log, has only the last pages left.
 * What reaches the disk, and when a commit is safe, are as before: this changes only who waits.
 */
final class WalCheckpoints implements AutoCloseable {

    /** How long the thread rests between checkpoints: an import adds some 4 MB of log meanwhile. */
    private static final long PAUSE_MILLIS = 20;

    private final Connection connection;
    private final Thread thread;
    private volatile boolean stopping;

    private WalCheckpoints(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::run, "mailwright-checkpoints");
        thread.setDaemon(true);
    }

    /**
     * Starts checkpointing the archive at {@code url}, or returns null when a connection cannot be had:
     * the importing thread's own checkpoints then do the work, as they always can.
     */
    static WalCheckpoints start(String url, Properties properties) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            return null;
        }
        WalCheckpoints checkpoints = new WalCheckpoints(connection);
        checkpoints.thread.start();
        return checkpoints;
    }

    private void run() {
        try (Statement statement = connection.createStatement()) {
            while (!stopping) {
                // One that finds another checkpoint at work returns at once (its result row says busy).
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (SQLException | InterruptedException e) {
            // Stopped, or the connection is gone: the importing thread's checkpoints carry on alone.
        }
    }

    /** Stops after the checkpoint at work, if any, and lets go of the connection. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing was open on it but the checkpoints.
        }
    }
}
