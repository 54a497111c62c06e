package org.mailwright.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.mailwright.i18n.Failures;
import org.mailwright.i18n.LocalizedText;
import org.mailwright.i18n.Problem;
import org.sqlite.SQLiteOpenMode;

/**
 * The report archive: every aggregate and failure report imported, in SQLite (a file, by default
 * {@code reports.db} in the data folder) or PostgreSQL (a team's server), with the same schema and
 * the same queries.
 *
 * <p>Reports are kept once: an aggregate report by its reporting organisation and report id, a
 * failure report by a digest of its content. Each file is imported in one transaction, and each
 * report in it under a savepoint: a crash (even kill -9) loses nothing committed before it and never
 * leaves part of a report; a report that breaks halfway leaves nothing of itself, while the file's
 * good reports are kept. Not thread-safe: one archive object per thread.
 */
public final class ReportArchive implements AutoCloseable {

    /** The archive's file in the data folder when no other is chosen. */
    public static final String DEFAULT_FILE = "reports.db";

    private static final int BATCH = 1000;
    /**
     * How many records one INSERT writes, largest first: a report's records go in as few statements
     * as these make up (40 records: 2 of 16 and 2 of 4), since SQLite's work is mostly per statement.
     */
    private static final int[] ROW_BLOCKS = {64, 16, 4, 1};
    private static final String ROW_COLUMNS = "row_key, " + Migrations.RECORD_COLUMNS;
    private static final int ROW_VALUES = ROW_COLUMNS.split(",").length;

    /**
     * The records {@code w} of the reports {@code r}: found by their keys' range, the only way SQLite
     * finds a report's records (schema 4); PostgreSQL also by its primary key.
     */
    private static final String FROM_RECORDS = " FROM report_rows w JOIN aggregate_reports r ON r.id = w.report AND w.row_key BETWEEN r.id * "
            + Migrations.ROW_KEYS + " AND r.id * " + Migrations.ROW_KEYS + " + " + (Migrations.ROW_KEYS - 1);

    /**
     * A record's DKIM results, SPF results or override reasons: the first kept in the record's row,
     * the others in a table of their own, as the views {@code row_dkim}, {@code row_spf} and
     * {@code row_reasons} join them. The queries read them from the records they select instead:
     * SQLite reads such a view, a union of two tables, whole, whatever a query joins it to, so a
     * domain's summary read every record in the archive.
     */
    private enum Listed {
        DKIM("row_dkim_more", "w.dkim_results > 0", "w.dkim_results > 1",
                "w.dkim_domain AS domain, w.dkim_selector AS selector, w.dkim_result AS result, w.dkim_human_result AS human_result",
                "m.domain, m.selector, m.result, m.human_result"),
        SPF("row_spf_more", "w.spf_results > 0", "w.spf_results > 1",
                "w.spf_domain AS domain, w.spf_scope AS scope, w.spf_result AS result, w.spf_human_result AS human_result",
                "m.domain, m.scope, m.result, m.human_result"),
        // A record with a second reason has a first one.
        REASONS("row_reasons_more", "w.reason_type IS NOT NULL", "w.reason_type IS NOT NULL",
                "w.reason_type AS type, w.reason_comment AS comment", "m.type, m.comment");

        private final String more;
        private final String hasFirst;
        private final String hasMore;
        private final String firstColumns;
        private final String moreColumns;

        Listed(String more, String hasFirst, String hasMore, String firstColumns, String moreColumns) {
            this.more = more;
            this.hasFirst = hasFirst;
            this.hasMore = hasMore;
            this.firstColumns = firstColumns;
            this.moreColumns = moreColumns;
        }

        /**
         * Those of the records {@code from} (over {@code report_rows w}) and {@code where} select, each
         * after the record's {@code columns} and its {@code seq}; {@code where}'s values are bound twice.
         */
        String of(String columns, String from, String where) {
            return "SELECT " + columns + "1 AS seq, " + firstColumns + from + where + " AND " + hasFirst
                    + " UNION ALL SELECT " + columns + "m.seq, " + moreColumns + from + " JOIN " + more
                    + " m ON m.report = w.report AND m.row_no = w.row_no" + where + " AND " + hasMore;
        }
    }

    private static List<Object> twice(List<Object> parameters) {
        List<Object> both = new ArrayList<>(parameters);
        both.addAll(parameters);
        return both;
    }

    /**
     * The reports that began before they were imported, with a day's grace for clocks: a receiver
     * reports only days that have passed. Only these set where "newest" is (the selector ledger,
     * new sources, readiness): one report dated ahead, by a wrong clock or a forger, would otherwise
     * move every such window past the real reports. Reports dated ahead still count in the totals.
     */
    private static final String ARRIVED = "r.begin_time <= r.imported_at + 86400";

    /** The dispositions a summary always counts, even at 0: RFC 7489's three and RFC 9990's pass. */
    private static final List<String> DISPOSITIONS = List.of("none", "quarantine", "reject", "pass");
    /** The most comments a summary keeps per override reason: examples, not a log. */
    public static final int COMMENTS = 3;
    /** The longest comment a summary shows, in characters; receivers' comments are foreign input. */
    public static final int COMMENT_LENGTH = 200;

    private final Connection connection;
    private final Dialect dialect;
    private final String location;
    private final String url;
    private final Properties properties;
    /**
     * Threads reading the files ahead of the one being written by {@link #importFiles}: a core for
     * each beside the writer's, up to three. On two cores one reader reads the next files while one is
     * written (two readers there took CPU time from each other and the writer).
     */
    private static final int READERS = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));
    /**
     * Files read ahead of the one being written: up to this many, handed to the readers half of them
     * at a time. A reader reads faster than the writer writes, so it waits for work; given one file
     * at a time it was woken for each, a system call on the writing thread per file.
     */
    private static final int FILES_AHEAD = 16;
    /** Reads files while the importing thread writes what was read before. */
    private final java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newFixedThreadPool(READERS, task -> {
        Thread thread = new Thread(task, "mailwright-report-reader");
        thread.setDaemon(true);
        return thread;
    });
    private Connection readerConnection;
    private PreparedStatement readerLookup;

    private PreparedStatement insertReport;
    private PreparedStatement finishReport;
    /** One statement per size of {@link #ROW_BLOCKS}. */
    private final PreparedStatement[] insertRows = new PreparedStatement[ROW_BLOCKS.length];
    private PreparedStatement insertReason;
    private PreparedStatement insertDkim;
    private PreparedStatement insertSpf;
    private PreparedStatement insertFailure;
    /** The current report's records not yet sent, at most {@link #BATCH}. */
    private final List<PendingRow> pendingRows = new ArrayList<>();

    private record PendingRow(long report, int number, ReportRow row) {
    }

    /** Called after each row is written; tests use it to break an import halfway. */
    interface RowObserver {
        void rowWritten(long rowsOfReport);
    }

    private RowObserver observer = rows -> { };

    private ReportArchive(Connection connection, Dialect dialect, String location, String url, Properties properties) {
        this.connection = connection;
        this.dialect = dialect;
        this.location = location;
        this.url = url;
        this.properties = properties;
    }

    /**
     * Opens the archive that {@code location} names, creating and migrating it as needed:
     * {@code null} for {@code reports.db} in {@code dataFolder}; a {@code jdbc:postgresql://} or
     * {@code jdbc:sqlite:} URL; or the path of an SQLite file.
     *
     * @throws ArchiveException when it cannot be opened, in one sentence
     */
    public static ReportArchive open(String location, Path dataFolder) {
        if (location == null || location.isBlank()) {
            Path file = dataFolder.resolve(DEFAULT_FILE);
            return openSqlite(file);
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return openJdbc(location, withoutPassword(location), Dialect.POSTGRESQL, new Properties());
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return openJdbc(location, withoutPassword(location), Dialect.SQLITE, sqliteProperties());
        }
        if (lower.startsWith("jdbc:")) {
            throw new ArchiveException("reports.archive.unsupported", shown(location));
        }
        try {
            return openSqlite(Path.of(location));
        } catch (InvalidPathException e) {
            throw new ArchiveException("reports.archive.bad-path", shown(location));
        }
    }

    /**
     * Opens the archive {@code location} names as {@link #open} does, but only one that is there
     * already: an SQLite file that does not exist is not created (a database server is always
     * asked). For those who only read the archive, such as the health check and the DMARC plan.
     *
     * @return the archive, or empty when there is none
     * @throws ArchiveException when it is there but cannot be opened, in one sentence
     */
    public static Optional<ReportArchive> openExisting(String location, Path dataFolder) {
        if (location == null || location.isBlank()) {
            return Files.isRegularFile(dataFolder.resolve(DEFAULT_FILE)) ? Optional.of(open(null, dataFolder)) : Optional.empty();
        }
        if (location.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return Optional.of(open(location, dataFolder));
        }
        try {
            return Files.exists(Path.of(location)) ? Optional.of(open(location, dataFolder)) : Optional.empty();
        } catch (InvalidPathException e) {
            throw new ArchiveException("reports.archive.bad-path", shown(location));
        }
    }

    private static ReportArchive openSqlite(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new ArchiveException("reports.archive.is-folder", absolute);
        }
        try {
            Path folder = absolute.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new ArchiveException(e, "reports.archive.open-failed", absolute, Failures.reason(e));
        }
        return openJdbc("jdbc:sqlite:" + absolute, absolute.toString(), Dialect.SQLITE, sqliteProperties());
    }

    private static Properties sqliteProperties() {
        Properties properties = new Properties();
        // Write-ahead logging: readers never wait for the importer, and a killed process loses only
        // the transaction it was in. synchronous=NORMAL keeps every commit through a crash of the
        // process (not through a power cut, where the last commits may be lost but never half kept).
        properties.setProperty("journal_mode", "WAL");
        properties.setProperty("synchronous", "NORMAL");
        // A checkpoint, which copies the log into the database and waits for the disk, every 10,000
        // pages (some 40 MB of log) instead of every 1,000: 10,000 reports imported in 6.2 to 6.7 s
        // instead of 6.9 to 7.7 s, for the same CPU and memory.
        properties.setProperty("wal_autocheckpoint", "10000");
        // The foreign keys are declared (PostgreSQL checks them) but not checked by SQLite: the archive
        // writes a report's rows only after the report, in one transaction, and checking each of the
        // three inserts per row against its parent cost a sixth of the import's time.
        properties.setProperty("foreign_keys", "false");
        properties.setProperty("busy_timeout", "30000");
        // SQLite's multi-thread mode, not its serialized one: no mutex taken and released around each
        // of the 21 calls a record costs. It asks that a connection be used by one thread at a time,
        // which the driver already ensures: every call it makes on a connection is synchronized on it.
        // Importing 10,000 reports, the writing thread took 6% less CPU (README, Performance).
        properties.setProperty("open_mode", String.valueOf(
                SQLiteOpenMode.READWRITE.flag | SQLiteOpenMode.CREATE.flag | SQLiteOpenMode.NOMUTEX.flag));
        // Transactions stay DEFERRED, taking no lock until they write. The driver begins a transaction
        // as soon as the last one ends, so IMMEDIATE ones held the write lock whenever the archive was
        // open, even idle or only read: a second archive opened on the same file waited 30 s and gave
        // up. Every write transaction's first statement is a write, which takes the lock or waits its
        // turn (busy_timeout); none reads before it writes, which could find that another importer
        // wrote in between (SQLITE_BUSY_SNAPSHOT, which no waiting cures).
        return properties;
    }

    /** @param shown where the archive is, as messages name it: the file, or the URL without its password */
    private static ReportArchive openJdbc(String url, String shown, Dialect dialect, Properties properties) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new ArchiveException(e, "reports.archive.open-failed", shown, reason(e, dialect));
        }
        try {
            Migrations.migrate(connection, dialect);
            ReportArchive archive = new ReportArchive(connection, dialect, shown, url, properties);
            archive.prepare();
            return archive;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                e.addSuppressed(ignored);
            }
            if (e instanceof ArchiveException archive) {
                throw archive;
            }
            throw new ArchiveException(e, "reports.archive.open-failed", shown,
                    e instanceof SQLException sql ? reason(sql, dialect) : Failures.reason(e));
        }
    }

    /** Where the archive is, without any password its URL carried. */
    public String location() {
        return location;
    }

    /** The schema version the archive is at. */
    public int schemaVersion() {
        try {
            return Migrations.current(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void prepare() throws SQLException {
        connection.setAutoCommit(false);
        insertReport = connection.prepareStatement("""
                INSERT INTO aggregate_reports (org_name, report_id, email, extra_contact_info, begin_time, end_time, errors,
                  generator, version, dmarc2_namespace, domain, adkim, aspf, p, sp, np, pct, fo, testing, discovery_method,
                  row_count, message_count, source_file, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id""");
        finishReport = connection.prepareStatement("UPDATE aggregate_reports SET row_count = ?, message_count = ? WHERE id = ?");
        String oneRow = "(" + String.join(", ", java.util.Collections.nCopies(ROW_VALUES, "?")) + ")";
        for (int i = 0; i < ROW_BLOCKS.length; i++) {
            insertRows[i] = connection.prepareStatement("INSERT INTO report_rows (" + ROW_COLUMNS + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(ROW_BLOCKS[i], oneRow)));
        }
        insertReason = connection.prepareStatement(
                "INSERT INTO row_reasons_more (report, row_no, seq, type, comment) VALUES (?, ?, ?, ?, ?)");
        insertDkim = connection.prepareStatement(
                "INSERT INTO row_dkim_more (report, row_no, seq, domain, selector, result, human_result) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertSpf = connection.prepareStatement(
                "INSERT INTO row_spf_more (report, row_no, seq, domain, scope, result, human_result) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertFailure = connection.prepareStatement("""
                INSERT INTO failure_reports (digest, feedback_type, user_agent, version, original_envelope_id,
                  original_mail_from, original_rcpt_to, arrival_time, reporting_mta, source_ip, incidents,
                  authentication_results, reported_domain, delivery_result, auth_failure, dkim_domain, dkim_identity,
                  dkim_selector, identity_alignment, spf_dns, original_from, original_to, original_subject,
                  original_message_id, original_date, source_file, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""");
    }

    void observeRows(RowObserver observer) {
        this.observer = observer;
    }

    /**
     * Imports every report in {@code file}, in one transaction. The file is read on a thread of its
     * own while this one writes, so parsing and the database's work overlap; a report the archive
     * held before is recognised at its header, and its rows are not even parsed.
     *
     * @return what was imported, and each part that held no readable report (the rest is imported)
     * @throws ArchiveException when the database fails (nothing of the file is kept then)
     */
    public FileImport importFile(Path file, ReportLimits limits) {
        Importer importer = write(readFile(file, limits));
        return new FileImport(file, importer.imported, importer.duplicates, importer.problems);
    }

    /**
     * Imports every report read from {@code in} (standard input, say), in one transaction, as
     * {@link #importFile} imports a file of the same octets.
     *
     * @param name what the result calls the stream and the archive keeps with its reports, such as {@code -}
     * @param in the stream, which the caller closes
     * @throws ArchiveException when the database fails (nothing of the stream is kept then)
     */
    public FileImport importStream(Path name, InputStream in, ReportLimits limits) {
        Importer importer = write(read(name.toString(), visitor -> ReportExtractor.extract(in, limits, visitor), limits));
        return new FileImport(name, importer.imported, importer.duplicates, importer.problems);
    }

    /**
     * Imports the files in turn, each in its own transaction as {@link #importFile} does, while the
     * next ones are read on other threads. Each file's result is handed to
     * {@code imported} once its transaction is committed.
     *
     * @param imported takes each file's result in order; false stops the import after that file
     * @throws ArchiveException when the database fails (nothing of that file is kept then; the files
     *     handed over before are)
     */
    public void importFiles(List<Path> files, ReportLimits limits, java.util.function.Predicate<FileImport> imported) {
        java.util.ArrayDeque<Reading> ahead = new java.util.ArrayDeque<>();
        int next = 0;
        WalCheckpoints checkpoints = dialect == Dialect.SQLITE && files.size() > 1 ? WalCheckpoints.start(url, properties) : null;
        try {
            for (Path file : files) {
                if (ahead.size() <= FILES_AHEAD / 2) {
                    while (next < files.size() && ahead.size() < FILES_AHEAD) {
                        ahead.add(readFile(files.get(next++), limits));
                    }
                }
                Importer importer = write(ahead.remove());
                if (!imported.test(new FileImport(file, importer.imported, importer.duplicates, importer.problems))) {
                    return;
                }
            }
        } finally {
            for (Reading left : ahead) {
                left.abandon();
            }
            if (checkpoints != null) {
                checkpoints.close();
            }
        }
    }

    /**
     * Imports every report in one mail message, in one transaction, exactly as {@link #importFile}
     * imports an {@code .eml} file holding the same octets.
     *
     * @param source where the message came from, kept with its reports in place of a file name
     * @param message the raw message (RFC 5322), at most {@link ReportLimits#maxMessageBytes()} octets
     * @return what was imported, and each part that held no readable report
     * @throws ArchiveException when the database fails (nothing of the message is kept then)
     */
    public MessageImport importMessage(String source, byte[] message, ReportLimits limits) {
        Importer importer = write(read(source, visitor -> {
            try (InputStream in = new java.io.ByteArrayInputStream(message)) {
                ReportExtractor.extract(in, limits, visitor);
            }
        }, limits));
        return new MessageImport(source, importer.imported, importer.duplicates, importer.problems);
    }

    /** What a reading thread reads: a file, or a message held in memory. */
    private interface Source {
        void into(ReportExtractor.Visitor visitor) throws IOException;
    }

    /** One file or message being read on a reading thread, into its pipe. */
    private record Reading(String source, Pipe pipe, Future<?> read) {

        /** Stops the reading and waits for its thread to let go of the file. */
        void abandon() {
            pipe.cancel();
            finish();
        }

        void finish() {
            try {
                read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // the reading thread reports its failures through the pipe
            }
        }
    }

    private Reading readFile(Path file, ReportLimits limits) {
        return read(file.toAbsolutePath().toString(), visitor -> ReportExtractor.extract(file, limits, visitor), limits);
    }

    private Reading read(String source, Source content, ReportLimits limits) {
        Pipe pipe = new Pipe(limits);
        return new Reading(source, pipe, reader.submit(() -> pipe.read(content)));
    }

    /** On this thread: what {@code reading} reads, into the archive, in one transaction. */
    private Importer write(Reading reading) {
        Importer importer = new Importer(reading.source());
        Pipe pipe = reading.pipe();
        try {
            try {
                pipe.drainInto(importer);
            } finally {
                pipe.cancel();
            }
            connection.commit();
        } catch (ImportFailure e) {
            rollbackQuietly(e);
            throw failed(e.sql);
        } catch (SQLException | ArchiveException e) {
            rollbackQuietly(e);
            throw e instanceof ArchiveException archive ? archive : failed((SQLException) e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(e);
            throw e;
        } finally {
            reading.finish();
        }
        return importer;
    }

    /** What the reading thread hands to the writing one, in order. */
    private interface Event {
    }

    /** An aggregate report begins. */
    private record Begin() implements Event {
    }

    private record Header(ReportHeader header) implements Event {
    }

    private record Row(ReportRow row) implements Event {
    }

    /** The aggregate report ended: read whole, archived already (skipped), or broken. */
    private record End(boolean whole, boolean skipped) implements Event {
    }

    private record Failure(ReportPlace where, FailureReport report) implements Event {
    }

    private record Trouble(ReportPlace where, ReportFormatException problem) implements Event {
    }

    /** The file is read; {@code problem} is why it stopped early, or null. */
    private record Finished(Throwable problem) implements Event {
    }

    private static final Event BEGIN = new Begin();
    private static final Event WHOLE = new End(true, false);
    private static final Event SKIPPED = new End(false, true);
    private static final Event BROKEN = new End(false, false);
    /**
     * Events handed over at once: one hand-over per event woke the writing thread (a system call)
     * for each record, a fifth of the import's CPU time.
     */
    private static final int CHUNK = 64;
    /** Events in flight between the threads: a few thousand rows, whatever the report's size. */
    private static final int PIPE_CAPACITY = 4096;

    /** Stops the reading thread once the writing one has given up. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** Carries one file's reports from the reading thread to the writing one. */
    private final class Pipe implements ReportExtractor.Visitor, AggregateReportReader.Sink {
        private final ReportLimits limits;
        private final java.util.concurrent.BlockingQueue<List<Event>> chunks =
                new java.util.concurrent.ArrayBlockingQueue<>(PIPE_CAPACITY / CHUNK);
        /** On the reading thread: the events not handed over yet. */
        private List<Event> chunk = new ArrayList<>(CHUNK);
        private volatile boolean cancelled;

        Pipe(ReportLimits limits) {
            this.limits = limits;
        }

        /** On the reading thread: the whole file or message, always ending with {@link Finished}. */
        void read(Source content) {
            Throwable problem = null;
            try {
                content.into(this);
            } catch (Cancelled e) {
                return;
            } catch (Throwable e) {
                problem = e;
            }
            try {
                put(new Finished(problem));
                handOver();
            } catch (Cancelled ignored) {
                // the writer is gone
            }
        }

        private void put(Event event) {
            chunk.add(event);
            if (chunk.size() >= CHUNK) {
                handOver();
            }
        }

        private void handOver() {
            List<Event> full = chunk;
            chunk = new ArrayList<>(CHUNK);
            try {
                while (!chunks.offer(full, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
            if (cancelled) {
                throw new Cancelled();
            }
        }

        void cancel() {
            cancelled = true;
            chunks.clear();
        }

        @Override
        public void aggregate(ReportPlace where, InputStream xml) throws IOException {
            put(BEGIN);
            AggregateReportReader.Result result;
            try {
                result = AggregateReportReader.read(xml, limits, this);
            } catch (Cancelled e) {
                throw e;
            } catch (IOException | RuntimeException | Error e) {
                put(BROKEN);
                throw e;
            }
            put(result.skipped() ? SKIPPED : WHOLE);
        }

        @Override
        public boolean header(ReportHeader header) {
            if (archived(header.metadata())) {
                return false;
            }
            put(new Header(header));
            return true;
        }

        @Override
        public void row(ReportRow row) {
            put(new Row(row));
        }

        @Override
        public void failure(ReportPlace where, FailureReport report) {
            put(new Failure(where, report));
        }

        @Override
        public void problem(ReportPlace where, ReportFormatException problem) {
            put(new Trouble(where, problem));
        }

        /** On the writing thread: every event into {@code importer}, until the file is read. */
        void drainInto(Importer importer) {
            while (true) {
                List<Event> events;
                try {
                    events = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while importing.", e);
                }
                for (Event event : events) {
                    if (take(event, importer)) {
                        return;
                    }
                }
            }
        }

        /** One event into {@code importer}; true when it was the last. */
        private boolean take(Event event, Importer importer) {
            if (event instanceof Row row) {
                importer.row(row.row());
            } else if (event instanceof Header header) {
                importer.header(header.header());
            } else if (event instanceof Begin) {
                importer.begin();
            } else if (event instanceof End end) {
                importer.end(end.whole(), end.skipped());
            } else if (event instanceof Failure failure) {
                importer.failure(failure.where(), failure.report());
            } else if (event instanceof Trouble trouble) {
                importer.problem(trouble.where(), trouble.problem());
            } else if (event instanceof Finished finished) {
                importer.finished(finished.problem());
                return true;
            }
            return false;
        }
    }

    /**
     * On the reading thread: whether the archive held this report before the file's import began
     * (its own connection sees what was committed). The writing thread checks again, for a report
     * repeated within the file and for another importer at work. The reading threads take turns at
     * the one connection they share.
     */
    private synchronized boolean archived(ReportMetadata metadata) {
        try {
            if (readerLookup == null) {
                readerConnection = DriverManager.getConnection(url, properties);
                readerConnection.setAutoCommit(true);
                readerLookup = readerConnection.prepareStatement(
                        "SELECT 1 FROM aggregate_reports WHERE org_name = ? AND report_id = ?");
            }
            readerLookup.setString(1, metadata.orgName());
            readerLookup.setString(2, metadata.reportId());
            try (ResultSet found = readerLookup.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            // The writing thread decides alone, then.
            return false;
        }
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            // Rows batched for the report that failed must not be sent with the next file's.
            discardPending();
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void discardPending() throws SQLException {
        pendingRows.clear();
        for (PreparedStatement batched : insertRows) {
            batched.clearBatch();
        }
        insertReason.clearBatch();
        insertDkim.clearBatch();
        insertSpf.clearBatch();
    }

    private ArchiveException failed(SQLException e) {
        return new ArchiveException(e, "reports.archive.failed", location, reason(e, dialect));
    }

    /** A database failure carried through the readers' callbacks, which cannot throw SQLException. */
    private static final class ImportFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException sql;

        ImportFailure(SQLException sql) {
            super(sql.getMessage(), sql, false, false);
            this.sql = sql;
        }
    }

    /**
     * Receives the file's reports and writes each under a savepoint, or, while the file's transaction
     * holds nothing yet (a file of one report, nearly always), under the transaction alone: rolling
     * it back then undoes the same, without the two statements a savepoint costs.
     */
    private final class Importer implements AggregateReportReader.Sink {
        private final String sourceFile;
        private final List<FileImport.FileProblem> problems = new ArrayList<>();
        private int imported;
        private int duplicates;
        private long reportKey;
        private long rows;
        private long messages;

        Importer(String sourceFile) {
            this.sourceFile = sourceFile;
        }

        private Savepoint savepoint;
        private boolean duplicate;
        /** Whether the file's transaction holds a report or failure report imported already. */
        private boolean holdsImports;

        /** An aggregate report begins: its writes go under a savepoint of their own. */
        void begin() {
            savepoint = savepoint();
            reportKey = -1;
            rows = 0;
            messages = 0;
            pendingRows.clear();
            duplicate = false;
        }

        /** The report ended: kept when read whole, else nothing of it stays. */
        void end(boolean whole, boolean skipped) {
            if (skipped || duplicate) {
                rollback(savepoint);
                duplicates++;
                return;
            }
            if (!whole || reportKey < 0) {
                rollback(savepoint);
                return;
            }
            try {
                flush();
                finishReport.setLong(1, rows);
                finishReport.setLong(2, messages);
                finishReport.setLong(3, reportKey);
                finishReport.executeUpdate();
                release(savepoint);
                imported++;
                holdsImports = true;
            } catch (SQLException e) {
                rollback(savepoint);
                throw new ImportFailure(e);
            }
        }

        /** The file is read; {@code problem} is why it stopped early, or null. */
        void finished(Throwable problem) {
            if (problem == null) {
                return;
            }
            if (problem instanceof ReportFormatException format) {
                problems.add(new FileImport.FileProblem(ReportPlace.FILE, format.problem()));
            } else if (problem instanceof IOException || problem instanceof java.io.UncheckedIOException) {
                problems.add(new FileImport.FileProblem(ReportPlace.FILE,
                        new Problem("reports.archive.unreadable", Failures.reason(problem))));
            } else if (problem instanceof RuntimeException runtime) {
                throw runtime;
            } else if (problem instanceof Error error) {
                throw error;
            } else {
                throw new IllegalStateException(problem);
            }
        }

        @Override
        public boolean header(ReportHeader header) {
            try {
                ReportMetadata metadata = header.metadata();
                PolicyPublished policy = header.policy();
                int i = 1;
                insertReport.setString(i++, metadata.orgName());
                insertReport.setString(i++, metadata.reportId());
                text(insertReport, i++, metadata.email());
                text(insertReport, i++, metadata.extraContactInfo());
                time(insertReport, i++, metadata.begin());
                time(insertReport, i++, metadata.end());
                text(insertReport, i++, metadata.errors().isEmpty() ? null : String.join("\n", metadata.errors()));
                text(insertReport, i++, metadata.generator());
                text(insertReport, i++, header.version());
                insertReport.setInt(i++, header.dmarc2Namespace() ? 1 : 0);
                text(insertReport, i++, policy.domain());
                text(insertReport, i++, policy.adkim());
                text(insertReport, i++, policy.aspf());
                text(insertReport, i++, policy.p());
                text(insertReport, i++, policy.sp());
                text(insertReport, i++, policy.np());
                if (policy.pct() == null) {
                    insertReport.setNull(i++, Types.INTEGER);
                } else {
                    insertReport.setInt(i++, policy.pct());
                }
                text(insertReport, i++, policy.fo());
                text(insertReport, i++, policy.testing());
                text(insertReport, i++, policy.discoveryMethod());
                insertReport.setString(i++, storable(sourceFile));
                insertReport.setLong(i, Instant.now().getEpochSecond());
                try (ResultSet key = insertReport.executeQuery()) {
                    if (!key.next()) {
                        // Archived already, by an earlier import or another importer at work.
                        duplicate = true;
                        return false;
                    }
                    reportKey = key.getLong(1);
                }
                return true;
            } catch (SQLException e) {
                throw new ImportFailure(e);
            }
        }

        @Override
        public void row(ReportRow row) {
            if (duplicate || reportKey < 0) {
                return;
            }
            try {
                rows++;
                messages += row.count();
                int number = (int) rows;
                pendingRows.add(new PendingRow(reportKey, number, row));
                // The first reason and result of each kind are in the record's own row (bound in flush), the others in tables of their own.
                List<PolicyOverride> reasons = row.evaluated().reasons();
                for (int more = 1; more < reasons.size(); more++) {
                    insertReason.setLong(1, reportKey);
                    insertReason.setInt(2, number);
                    insertReason.setInt(3, more + 1);
                    insertReason.setString(4, reasons.get(more).type());
                    text(insertReason, 5, reasons.get(more).comment());
                    insertReason.addBatch();
                }
                for (int more = 1; more < row.dkim().size(); more++) {
                    DkimAuthResult dkim = row.dkim().get(more);
                    addResult(insertDkim, number, more + 1, dkim.domain(), dkim.selector(), dkim.result(), dkim.humanResult());
                }
                for (int more = 1; more < row.spf().size(); more++) {
                    SpfAuthResult spf = row.spf().get(more);
                    addResult(insertSpf, number, more + 1, spf.domain(), spf.scope(), spf.result(), spf.humanResult());
                }
                if (pendingRows.size() >= BATCH) {
                    flush();
                }
                observer.rowWritten(rows);
            } catch (SQLException e) {
                throw new ImportFailure(e);
            }
        }

        /** A record's second or later DKIM or SPF result: the domain, the selector or scope, the result and its words. */
        private void addResult(PreparedStatement insert, int row, int seq, String domain, String selectorOrScope, String result,
                String humanResult) throws SQLException {
            insert.setLong(1, reportKey);
            insert.setInt(2, row);
            insert.setInt(3, seq);
            text(insert, 4, domain);
            text(insert, 5, selectorOrScope);
            text(insert, 6, result);
            text(insert, 7, humanResult);
            insert.addBatch();
        }

        /** Sends the batched rows: the rows before the reasons and results that refer to them. */
        private void flush() throws SQLException {
            if (pendingRows.isEmpty()) {
                return;
            }
            int next = 0;
            for (int block = 0; block < ROW_BLOCKS.length; block++) {
                int size = ROW_BLOCKS[block];
                PreparedStatement statement = insertRows[block];
                int statements = (pendingRows.size() - next) / size;
                for (int n = 0; n < statements; n++) {
                    for (int i = 0; i < size; i++) {
                        bind(statement, i * ROW_VALUES, pendingRows.get(next++));
                    }
                    statement.addBatch();
                }
                if (statements > 0) {
                    statement.executeBatch();
                }
            }
            pendingRows.clear();
            insertReason.executeBatch();
            insertDkim.executeBatch();
            insertSpf.executeBatch();
        }

        /** One record's values, after the {@code offset} values of the records before it in the statement. */
        private void bind(PreparedStatement statement, int offset, PendingRow pending) throws SQLException {
            ReportRow row = pending.row();
            int i = offset;
            statement.setLong(++i, pending.report() * Migrations.ROW_KEYS + pending.number());
            statement.setLong(++i, pending.report());
            statement.setInt(++i, pending.number());
            statement.setString(++i, row.sourceIp());
            statement.setLong(++i, row.count());
            text(statement, ++i, row.evaluated().disposition());
            text(statement, ++i, row.evaluated().dkim());
            text(statement, ++i, row.evaluated().spf());
            text(statement, ++i, row.identifiers().headerFrom());
            text(statement, ++i, row.identifiers().envelopeFrom());
            text(statement, ++i, row.identifiers().envelopeTo());
            DkimAuthResult dkim = row.dkim().isEmpty() ? null : row.dkim().get(0);
            statement.setInt(++i, row.dkim().size());
            text(statement, ++i, dkim == null ? null : dkim.domain());
            text(statement, ++i, dkim == null ? null : dkim.selector());
            text(statement, ++i, dkim == null ? null : dkim.result());
            text(statement, ++i, dkim == null ? null : dkim.humanResult());
            SpfAuthResult spf = row.spf().isEmpty() ? null : row.spf().get(0);
            statement.setInt(++i, row.spf().size());
            text(statement, ++i, spf == null ? null : spf.domain());
            text(statement, ++i, spf == null ? null : spf.scope());
            text(statement, ++i, spf == null ? null : spf.result());
            text(statement, ++i, spf == null ? null : spf.humanResult());
            PolicyOverride reason = row.evaluated().reasons().isEmpty() ? null : row.evaluated().reasons().get(0);
            text(statement, ++i, reason == null ? null : reason.type());
            text(statement, ++i, reason == null ? null : reason.comment());
        }

        void failure(ReportPlace where, FailureReport report) {
            Savepoint savepoint = savepoint();
            try {
                int i = 1;
                insertFailure.setString(i++, report.digest());
                insertFailure.setString(i++, storable(report.feedbackType()));
                text(insertFailure, i++, report.userAgent());
                text(insertFailure, i++, report.version());
                text(insertFailure, i++, report.originalEnvelopeId());
                text(insertFailure, i++, report.originalMailFrom());
                text(insertFailure, i++, joined(report.originalRcptTo()));
                time(insertFailure, i++, report.arrivalDate());
                text(insertFailure, i++, report.reportingMta());
                text(insertFailure, i++, report.sourceIp());
                insertFailure.setLong(i++, report.incidents());
                text(insertFailure, i++, joined(report.authenticationResults()));
                text(insertFailure, i++, joined(report.reportedDomains()));
                text(insertFailure, i++, report.deliveryResult());
                text(insertFailure, i++, report.authFailure());
                text(insertFailure, i++, report.dkimDomain());
                text(insertFailure, i++, report.dkimIdentity());
                text(insertFailure, i++, report.dkimSelector());
                text(insertFailure, i++, report.identityAlignment());
                text(insertFailure, i++, report.spfDns());
                text(insertFailure, i++, report.original().from());
                text(insertFailure, i++, report.original().to());
                text(insertFailure, i++, report.original().subject());
                text(insertFailure, i++, report.original().messageId());
                text(insertFailure, i++, report.original().date());
                insertFailure.setString(i++, storable(sourceFile));
                insertFailure.setLong(i, Instant.now().getEpochSecond());
                boolean inserted = insertFailure.executeUpdate() > 0;
                release(savepoint);
                if (inserted) {
                    imported++;
                    holdsImports = true;
                } else {
                    // Archived already: its digest is taken.
                    duplicates++;
                }
            } catch (SQLException e) {
                rollback(savepoint);
                throw new ImportFailure(e);
            }
        }

        void problem(ReportPlace where, ReportFormatException problem) {
            problems.add(new FileImport.FileProblem(where, problem.problem()));
        }

        /** A savepoint, or null when the transaction holds nothing to keep. */
        private Savepoint savepoint() {
            if (!holdsImports) {
                return null;
            }
            try {
                return connection.setSavepoint();
            } catch (SQLException e) {
                throw new ImportFailure(e);
            }
        }

        private void release(Savepoint savepoint) throws SQLException {
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        }

        private void rollback(Savepoint savepoint) {
            try {
                discardPending();
                if (savepoint == null) {
                    connection.rollback();
                } else {
                    connection.rollback(savepoint);
                    connection.releaseSavepoint(savepoint);
                }
            } catch (SQLException e) {
                throw new ImportFailure(e);
            }
        }
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join("\n", values);
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, storable(value));
        }
    }

    /**
     * {@code value} as the archive keeps it: a NUL, which a mail header may hold and PostgreSQL
     * cannot store in text (the whole import stopped there), as U+FFFD, on both databases alike.
     */
    private static String storable(String value) {
        return value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    private static void time(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.getEpochSecond());
        }
    }

    /**
     * The totals of the aggregate reports that {@code query} selects: messages (the rows' counts),
     * DMARC pass and fail, and each source.
     *
     * @throws ArchiveException when the database fails
     */
    public Summary summary(SummaryQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        try {
            long reports;
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM aggregate_reports r" + where)) {
                bind(statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    reports = result.getLong(1);
                }
            }
            List<Summary.Source> sources = new ArrayList<>();
            long messages = 0;
            long pass = 0;
            String sql = """
                    SELECT w.source_ip,
                      SUM(w.message_count),
                      SUM(CASE WHEN w.dkim = 'pass' OR w.spf = 'pass' THEN w.message_count ELSE 0 END),
                      SUM(CASE WHEN w.spf = 'pass' THEN w.message_count ELSE 0 END),
                      SUM(CASE WHEN w.dkim = 'pass' THEN w.message_count ELSE 0 END)
                    """ + FROM_RECORDS + where
                    + " GROUP BY w.source_ip ORDER BY 2 DESC, w.source_ip COLLATE " + dialect.bytewise();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        long count = result.getLong(2);
                        long sourcePass = result.getLong(3);
                        sources.add(new Summary.Source(result.getString(1), count, sourcePass, count - sourcePass,
                                result.getLong(4), result.getLong(5)));
                        messages += count;
                        pass += sourcePass;
                    }
                }
            }
            connection.commit();
            return new Summary(reports, messages, pass, messages - pass, sources, selectors(where, parameters),
                    dispositions(where, parameters), overrides(where, parameters));
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failed(e);
        }
    }

    /** The DKIM ledger of the selected reports; see {@link SelectorLedger}. */
    private List<Summary.Selector> selectors(String where, List<Object> parameters) {
        Map<String, LocalDate> newest = new HashMap<>();
        // A domain whose every report is dated ahead still has a newest one: the latest of them.
        query("SELECT r.domain, COALESCE(MAX(CASE WHEN " + ARRIVED + " THEN r.begin_time END), MAX(r.begin_time))"
                + " FROM aggregate_reports r" + where + " AND r.begin_time IS NOT NULL GROUP BY r.domain", parameters,
                result -> newest.put(result.getString(1), day(result.getLong(2))));
        String columns = "w.report, w.row_no, w.message_count, w.dkim_results AS results, r.domain AS policy_domain, r.begin_time, ";
        String signatures = "WITH d AS (" + Listed.DKIM.of(columns, FROM_RECORDS, where) + ") ";
        Set<List<String>> dual = new HashSet<>();
        // Two selectors of one domain on one record: only records of two signatures or more have them.
        query("WITH d AS (" + Listed.DKIM.of(columns, FROM_RECORDS, where + " AND w.dkim_results > 1") + ") " + """
                SELECT DISTINCT a.domain, a.selector FROM d a
                JOIN d b ON b.report = a.report AND b.row_no = a.row_no AND b.domain = a.domain AND b.selector <> a.selector
                WHERE a.selector <> '' AND b.selector <> ''""",
                twice(parameters), result -> dual.add(List.of(result.getString(1), result.getString(2))));
        // A row that lists one signature twice counts its messages once: a row of two signatures or more is
        // grouped first (sorting every row instead took half the query's time).
        String sql = signatures + """
                SELECT s.policy_domain, s.domain, s.selector, SUM(s.message_count),
                  SUM(CASE WHEN s.passed = 1 THEN s.message_count ELSE 0 END), MIN(s.begin_time), MAX(s.begin_time)
                FROM (SELECT d.policy_domain, d.begin_time, d.domain, d.selector, d.message_count,
                        CASE WHEN d.result = 'pass' THEN 1 ELSE 0 END AS passed
                      FROM d WHERE d.results = 1 AND d.begin_time IS NOT NULL AND d.domain <> '' AND d.selector <> ''
                      UNION ALL
                      SELECT d.policy_domain, d.begin_time, d.domain, d.selector, d.message_count,
                        MAX(CASE WHEN d.result = 'pass' THEN 1 ELSE 0 END)
                      FROM d WHERE d.results > 1 AND d.begin_time IS NOT NULL AND d.domain <> '' AND d.selector <> ''
                      GROUP BY d.report, d.row_no, d.policy_domain, d.begin_time, d.domain, d.selector, d.message_count) s
                GROUP BY s.policy_domain, s.domain, s.selector""";
        List<SelectorLedger.Sighting> sightings = new ArrayList<>();
        query(sql, twice(parameters), result -> {
            List<String> key = List.of(result.getString(2), result.getString(3));
            sightings.add(new SelectorLedger.Sighting(key.get(0), key.get(1), result.getLong(4), result.getLong(5),
                    day(result.getLong(6)), day(result.getLong(7)), newest.get(result.getString(1)), dual.contains(key)));
        });
        return SelectorLedger.of(sightings);
    }

    /** Messages per disposition applied, the four RFC 9990 names first. */
    private Map<String, Long> dispositions(String where, List<Object> parameters) {
        Map<String, Long> reported = new TreeMap<>();
        query("SELECT w.disposition, SUM(w.message_count)" + FROM_RECORDS + where
                + " AND w.disposition IS NOT NULL GROUP BY w.disposition", parameters,
                result -> reported.put(result.getString(1), result.getLong(2)));
        Map<String, Long> dispositions = new LinkedHashMap<>();
        for (String known : DISPOSITIONS) {
            dispositions.put(known, reported.getOrDefault(known, 0L));
        }
        dispositions.putAll(reported);
        return dispositions;
    }

    /** Messages per override reason, with a few of the receivers' comments. */
    private List<Summary.OverrideReason> overrides(String where, List<Object> parameters) {
        Map<String, Long> messages = new LinkedHashMap<>();
        // A row giving one reason twice counts its messages once.
        String reasons = "WITH x AS (" + Listed.REASONS.of("w.report, w.row_no, w.message_count, ", FROM_RECORDS, where) + ") ";
        query(reasons + "SELECT t.type, SUM(t.message_count) FROM (SELECT DISTINCT x.report, x.row_no, x.type, x.message_count"
                + " FROM x) t GROUP BY t.type", twice(parameters),
                result -> messages.put(result.getString(1), result.getLong(2)));
        Map<String, List<String>> comments = new HashMap<>();
        query(reasons + """
                SELECT c.type, c.comment FROM (SELECT x.type, x.comment, ROW_NUMBER() OVER (PARTITION BY x.type
                    ORDER BY SUM(x.message_count) DESC, x.comment COLLATE\s""" + dialect.bytewise() + """
                ) AS n
                  FROM x WHERE x.comment IS NOT NULL AND x.comment <> '' GROUP BY x.type, x.comment) c
                WHERE c.n <= ? ORDER BY c.type, c.n""", append(twice(parameters), (long) COMMENTS),
                result -> comments.computeIfAbsent(result.getString(1), type -> new ArrayList<>()).add(oneLine(result.getString(2))));
        List<Summary.OverrideReason> overrides = new ArrayList<>();
        messages.forEach((type, count) -> overrides.add(new Summary.OverrideReason(type, count,
                comments.getOrDefault(type, List.of()).stream().distinct().toList())));
        overrides.sort(Comparator.comparingLong(Summary.OverrideReason::messages).reversed()
                .thenComparing(Summary.OverrideReason::type));
        return overrides;
    }

    private static List<Object> append(List<Object> parameters, Object value) {
        List<Object> all = new ArrayList<>(parameters);
        all.add(value);
        return all;
    }

    /** A receiver's comment as shown: on one line without control characters, cut to {@link #COMMENT_LENGTH} characters. */
    private static String oneLine(String comment) {
        String line = comment.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return line.length() <= COMMENT_LENGTH ? line : line.substring(0, COMMENT_LENGTH - 1) + "…";
    }

    private static LocalDate day(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86400));
    }

    /** The WHERE clause over {@code aggregate_reports r} that {@code query} selects, its values added to {@code parameters}. */
    private static String where(SummaryQuery query, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.domain() != null) {
            where.append(" AND r.domain = ?");
            parameters.add(query.domain());
        }
        return inPeriod(where, "r.begin_time", query, parameters);
    }

    /** {@code where} and the clause that keeps {@code column} (seconds since 1970) within {@code query}'s UTC days. */
    private static String inPeriod(StringBuilder where, String column, SummaryQuery query, List<Object> parameters) {
        if (query.since() != null) {
            where.append(" AND ").append(column).append(" >= ?");
            parameters.add(epoch(query.since()));
        }
        if (query.until() != null) {
            where.append(" AND ").append(column).append(" < ?");
            parameters.add(epoch(query.until().plusDays(1)));
        }
        return where.toString();
    }

    /**
     * The messages of the reports {@code query} selects, per UTC day their period begins on,
     * passing and failing DMARC as {@link #summary} counts them; days without reports are left out.
     *
     * @throws ArchiveException when the database fails
     */
    public List<Daily> daily(SummaryQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT r.begin_time / 86400,
                  SUM(w.message_count),
                  SUM(CASE WHEN w.dkim = 'pass' OR w.spf = 'pass' THEN w.message_count ELSE 0 END)
                """ + FROM_RECORDS + where(query, parameters)
                + " AND r.begin_time IS NOT NULL GROUP BY r.begin_time / 86400 ORDER BY 1";
        List<Daily> days = new ArrayList<>();
        query(sql, parameters, result -> {
            long count = result.getLong(2);
            long pass = result.getLong(3);
            days.add(new Daily(LocalDate.ofEpochDay(result.getLong(1)), pass, count - pass));
        });
        return days;
    }

    /**
     * The messages of the reports {@code query} selects, per reporting organisation (as it names
     * itself), most messages first.
     *
     * @throws ArchiveException when the database fails
     */
    public List<Reporter> reporters(SummaryQuery query) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                SELECT r.org_name,
                  SUM(w.message_count),
                  SUM(CASE WHEN w.dkim = 'pass' OR w.spf = 'pass' THEN w.message_count ELSE 0 END)
                """ + FROM_RECORDS + where(query, parameters)
                + " GROUP BY r.org_name ORDER BY 2 DESC, r.org_name COLLATE " + dialect.bytewise();
        List<Reporter> reporters = new ArrayList<>();
        query(sql, parameters, result -> reporters.add(new Reporter(result.getString(1), result.getLong(2), result.getLong(3))));
        return reporters;
    }

    /**
     * The failure and abuse reports about {@code query}'s domain that arrived within its period,
     * counted, and the newest {@code limit} of them. A report that does not say when its message
     * arrived is in no period, and among the newest only when no period is asked.
     *
     * @throws ArchiveException when the database fails
     */
    public ArchivedFailure.Newest failures(SummaryQuery query, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.domain() != null) {
            // One report may name several domains, kept one per line.
            String domain = escapedForLike(query.domain());
            where.append(" AND (f.reported_domain = ? OR f.reported_domain LIKE ? ESCAPE '!'"
                    + " OR f.reported_domain LIKE ? ESCAPE '!' OR f.reported_domain LIKE ? ESCAPE '!')");
            parameters.addAll(List.of(query.domain(), domain + "\n%", "%\n" + domain, "%\n" + domain + "\n%"));
        }
        String chosen = inPeriod(where, "f.arrival_time", query, parameters);
        long[] total = new long[1];
        query("SELECT COUNT(*) FROM failure_reports f" + chosen, parameters, result -> total[0] = result.getLong(1));
        List<ArchivedFailure> newest = new ArrayList<>();
        List<Object> limited = new ArrayList<>(parameters);
        limited.add((long) limit);
        query("""
                SELECT f.arrival_time, f.feedback_type, f.source_ip, f.incidents, f.reported_domain, f.auth_failure,
                  f.delivery_result, f.dkim_domain, f.dkim_selector, f.spf_dns, f.original_mail_from, f.original_from,
                  f.original_subject, f.original_message_id, f.reporting_mta
                FROM failure_reports f""" + chosen
                + " ORDER BY CASE WHEN f.arrival_time IS NULL THEN 1 ELSE 0 END, f.arrival_time DESC, f.id DESC LIMIT ?",
                limited, result -> {
                    long arrival = result.getLong(1);
                    Instant arrived = result.wasNull() ? null : Instant.ofEpochSecond(arrival);
                    String domains = result.getString(5);
                    newest.add(new ArchivedFailure(arrived, result.getString(2), result.getString(3), result.getLong(4),
                            domains == null ? List.of() : List.of(domains.split("\n")), result.getString(6),
                            result.getString(7), result.getString(8), result.getString(9), result.getString(10),
                            result.getString(11), result.getString(12), result.getString(13), result.getString(14),
                            result.getString(15)));
                });
        return new ArchivedFailure.Newest(total[0], newest);
    }

    /** {@code text} matched as itself by {@code LIKE ... ESCAPE '!'}. */
    private static String escapedForLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** One day's messages: those that passed DMARC and those that did not. */
    public record Daily(LocalDate day, long dmarcPass, long dmarcFail) {
    }

    /** One reporting organisation's messages, and how many of them passed DMARC. */
    public record Reporter(String name, long messages, long dmarcPass) {
    }

    private interface RowReader {
        void read(ResultSet result) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader rows) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.read(result);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failed(e);
        }
    }

    private static final String REPORTED_SELECTOR = " selector IS NOT NULL AND selector <> ''";

    /**
     * {@link #dkimSelectors} of every signing domain at once, keyed by the domain in lower case: one
     * pass over the archive for a batch of checks instead of one per domain. Empty when the archive
     * names more than {@code maxPairs} domains and selectors together, since a stranger's reports can
     * name millions; ask {@link #dkimSelectors} one domain at a time then.
     *
     * @throws ArchiveException when the database fails
     */
    public Optional<Map<String, List<String>>> dkimSelectorsOfEveryDomain(int limit, int maxPairs) {
        String sql = "SELECT LOWER(domain), selector, COUNT(*) FROM row_dkim WHERE domain IS NOT NULL AND" + REPORTED_SELECTOR
                + " GROUP BY LOWER(domain), selector ORDER BY 1, 3 DESC, selector LIMIT ?";
        Map<String, List<String>> selectors = new HashMap<>();
        int[] pairs = {0};
        query(sql, List.of((long) maxPairs + 1), result -> {
            pairs[0]++;
            List<String> ofDomain = selectors.computeIfAbsent(result.getString(1), domain -> new ArrayList<>());
            if (ofDomain.size() < limit) {
                ofDomain.add(result.getString(2));
            }
        });
        return pairs[0] > maxPairs ? Optional.empty() : Optional.of(selectors);
    }

    /**
     * The DKIM selectors receivers saw in signatures of {@code domain} (the d= of the signature),
     * the most often seen first, at most {@code limit}: the selectors a domain really signs with,
     * which the health check tries before guessing.
     *
     * @throws ArchiveException when the database fails
     */
    public List<String> dkimSelectors(String domain, int limit) {
        String sql = "SELECT selector, COUNT(*) FROM row_dkim WHERE LOWER(domain) = ? AND" + REPORTED_SELECTOR
                + " GROUP BY selector ORDER BY 2 DESC, selector LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, domain.toLowerCase(java.util.Locale.ROOT));
            statement.setInt(2, limit);
            List<String> selectors = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    selectors.add(result.getString(1));
                }
            }
            connection.commit();
            return selectors;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failed(e);
        }
    }

    /**
     * When each source was first seen sending as {@code domain} (the beginning of the first report
     * that lists it), and the span of the domain's reports: what tells a new source from one the
     * archive has long known.
     *
     * @throws ArchiveException when the database fails
     */
    public SourceHistory sourceHistory(String domain) {
        String normalized = new SummaryQuery(domain, null, null).domain();
        try {
            Map<String, Instant> firstSeen = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT w.source_ip, MIN(r.begin_time)" + FROM_RECORDS
                    + " WHERE r.domain = ? AND " + ARRIVED
                    + " GROUP BY w.source_ip")) {
                statement.setString(1, normalized);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        firstSeen.put(result.getString(1), Instant.ofEpochSecond(result.getLong(2)));
                    }
                }
            }
            Optional<Instant> earliest = Optional.empty();
            Optional<Instant> latest = Optional.empty();
            Optional<SourceHistory.DatedAhead> ahead = Optional.empty();
            // The span of the reports that arrived, and those dated ahead, in one pass over the domain's reports.
            try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(CASE WHEN " + ARRIVED
                    + " THEN r.begin_time END), MAX(CASE WHEN " + ARRIVED + " THEN r.begin_time END), COUNT(CASE WHEN NOT ("
                    + ARRIVED + ") THEN 1 END), MAX(CASE WHEN NOT (" + ARRIVED + ") THEN r.begin_time END)"
                    + " FROM aggregate_reports r WHERE r.domain = ?")) {
                statement.setString(1, normalized);
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next()) {
                        if (result.getObject(1) != null) {
                            earliest = Optional.of(Instant.ofEpochSecond(result.getLong(1)));
                            latest = Optional.of(Instant.ofEpochSecond(result.getLong(2)));
                        }
                        if (result.getLong(3) > 0) {
                            ahead = Optional.of(new SourceHistory.DatedAhead(result.getLong(3), Instant.ofEpochSecond(result.getLong(4))));
                        }
                    }
                }
            }
            connection.commit();
            return new SourceHistory(firstSeen, earliest, latest, ahead);
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failed(e);
        }
    }

    /**
     * At most {@code limit} rows from {@code sourceIp} in the reports {@code query} selects, newest
     * report first, and whether more are archived: what a summary's source is made of.
     *
     * @param rows the rows, each with its report, reasons and DKIM and SPF results
     * @param more true when the archive holds rows beyond those
     */
    public record SourceRows(List<ArchivedRow> rows, boolean more) {
        public SourceRows {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The rows from {@code sourceIp} (as the summary names the source) in the reports {@code query}
     * selects, newest report first, at most {@code limit} of them.
     *
     * @throws ArchiveException when the database fails
     */
    public SourceRows rows(SummaryQuery query, String sourceIp, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("At least one row, not " + limit + ".");
        }
        List<Object> parameters = new ArrayList<>();
        String chosen = FROM_RECORDS + where(query, parameters)
                + " AND w.source_ip = ? ORDER BY COALESCE(r.begin_time, -1) DESC, w.report DESC, w.row_no";
        parameters.add(sourceIp);
        Map<RowKey, RowParts> found = new LinkedHashMap<>();
        List<Object> head = new ArrayList<>(parameters);
        head.add((long) limit + 1);
        query("SELECT w.report, w.row_no, r.org_name, r.report_id, r.begin_time, r.end_time, w.message_count, w.disposition,"
                + " w.dkim, w.spf, w.header_from, w.envelope_from, w.envelope_to " + chosen + " LIMIT ?", head,
                result -> found.put(new RowKey(result.getLong(1), result.getInt(2)), new RowParts(result)));
        boolean more = found.size() > limit;
        if (more) {
            found.remove(new ArrayList<>(found.keySet()).get(limit));
        }
        if (!found.isEmpty()) {
            // Only the rows listed: the children of a source's other rows are never read.
            List<Object> bounded = new ArrayList<>(parameters);
            bounded.add((long) limit);
            String listed = " FROM chosen c JOIN report_rows w ON w.report = c.report AND w.row_no = c.row_no AND w.row_key = c.report * "
                    + Migrations.ROW_KEYS + " + c.row_no";
            java.util.function.Function<Listed, String> of = kind -> "WITH chosen AS (SELECT w.report, w.row_no " + chosen
                    + " LIMIT ?), t AS (" + kind.of("w.report, w.row_no, ", listed, " WHERE 1 = 1") + ") SELECT * FROM t"
                    + " ORDER BY t.report, t.row_no, t.seq";
            query(of.apply(Listed.REASONS), bounded, result -> found.get(key(result)).reasons
                    .add(new PolicyOverride(result.getString(4), result.getString(5))));
            query(of.apply(Listed.DKIM), bounded, result -> found.get(key(result)).dkim
                    .add(new DkimAuthResult(result.getString(4), result.getString(5), result.getString(6), result.getString(7))));
            query(of.apply(Listed.SPF), bounded, result -> found.get(key(result)).spf
                    .add(new SpfAuthResult(result.getString(4), result.getString(5), result.getString(6), result.getString(7))));
        }
        return new SourceRows(found.values().stream().map(parts -> parts.row(sourceIp)).toList(), more);
    }

    private record RowKey(long report, int rowNo) {
    }

    private static RowKey key(ResultSet result) throws SQLException {
        return new RowKey(result.getLong(1), result.getInt(2));
    }

    /** A row read, its reasons and results gathered as their tables are read. */
    private static final class RowParts {
        final String reporter;
        final String reportId;
        final Optional<Instant> begin;
        final Optional<Instant> end;
        final long count;
        final String disposition;
        final String dkimAligned;
        final String spfAligned;
        final Identifiers identifiers;
        final List<PolicyOverride> reasons = new ArrayList<>();
        final List<DkimAuthResult> dkim = new ArrayList<>();
        final List<SpfAuthResult> spf = new ArrayList<>();

        RowParts(ResultSet result) throws SQLException {
            reporter = result.getString(3);
            reportId = result.getString(4);
            begin = instant(result, 5);
            end = instant(result, 6);
            count = result.getLong(7);
            disposition = result.getString(8);
            dkimAligned = result.getString(9);
            spfAligned = result.getString(10);
            identifiers = new Identifiers(result.getString(11), result.getString(12), result.getString(13));
        }

        ArchivedRow row(String sourceIp) {
            return new ArchivedRow(reporter, reportId, begin, end, new ReportRow(sourceIp, count,
                    new PolicyEvaluated(disposition, dkimAligned, spfAligned, reasons), identifiers, dkim, spf));
        }

        private static Optional<Instant> instant(ResultSet result, int column) throws SQLException {
            long seconds = result.getLong(column);
            return result.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
        }
    }

    /** How many failure reports the archive holds. */
    public long failureReports() {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM failure_reports")) {
            result.next();
            long count = result.getLong(1);
            connection.commit();
            return count;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failed(e);
        }
    }

    /** The connection, for the tests' own queries. */
    Connection connection() {
        return connection;
    }

    Dialect dialect() {
        return dialect;
    }

    private static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
        try {
            if (readerConnection != null) {
                readerConnection.close();
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Why the database refused, in the reader's language for the faults people meet (SQLite's result
     * codes, PostgreSQL's SQLSTATE classes); any other in the database's own words, or by its code:
     * never a Java class name.
     */
    private static LocalizedText reason(SQLException e, Dialect dialect) {
        String known = dialect != Dialect.SQLITE ? null : switch (e.getErrorCode() & 0xff) {
            case 3 -> "access-denied"; // SQLITE_PERM
            case 5, 6 -> "busy"; // SQLITE_BUSY, SQLITE_LOCKED
            case 8 -> "read-only"; // SQLITE_READONLY
            case 10 -> "device"; // SQLITE_IOERR
            case 11, 26 -> "damaged"; // SQLITE_CORRUPT, SQLITE_NOTADB
            case 13 -> "disk-full"; // SQLITE_FULL
            case 14 -> "cannot-open"; // SQLITE_CANTOPEN
            default -> null;
        };
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (known == null && dialect == Dialect.POSTGRESQL) {
            known = state.startsWith("08") ? "no-connection" : state.startsWith("28") ? "login-refused"
                    : state.equals("3D000") ? "no-database" : state.equals("42501") ? "privilege" : state.equals("53100") ? "disk-full"
                    : null;
        }
        if (known != null) {
            return new Problem("reports.database." + known);
        }
        String message = e.getMessage() != null ? e.getMessage() : !state.isEmpty() ? "SQLSTATE " + state : "error " + e.getErrorCode();
        return new Problem("reports.database.words", Failures.oneLine(message, 300));
    }

    /** A URL as it may be shown: a password=... parameter or user:password@ replaced by ***. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
    }

    private static String shown(String text) {
        return Problem.shown(withoutPassword(text), 80);
    }
}
