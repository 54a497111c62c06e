package org.mailwright.reports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The archive's schema, as numbered migrations: each runs once, in its own transaction, and is
 * recorded in {@code schema_version}. A later Mailwright adds migration 2, 3...; an archive already
 * at a version this one does not know is left alone and refused.
 */
final class Migrations {

    /** The statements of each version, in order; {@code {id}} is the dialect's generated key. */
    static final List<List<String>> VERSIONS = List.of(List.of(
            """
            CREATE TABLE aggregate_reports (
              id {id},
              org_name TEXT NOT NULL,
              report_id TEXT NOT NULL,
              email TEXT,
              extra_contact_info TEXT,
              begin_time BIGINT,
              end_time BIGINT,
              errors TEXT,
              generator TEXT,
              version TEXT,
              dmarc2_namespace INTEGER NOT NULL,
              domain TEXT,
              adkim TEXT,
              aspf TEXT,
              p TEXT,
              sp TEXT,
              np TEXT,
              pct INTEGER,
              fo TEXT,
              testing TEXT,
              discovery_method TEXT,
              row_count BIGINT NOT NULL,
              message_count BIGINT NOT NULL,
              source_file TEXT,
              imported_at BIGINT NOT NULL,
              UNIQUE (org_name, report_id)
            )""",
            "CREATE INDEX aggregate_reports_domain ON aggregate_reports (domain, begin_time)",
            """
            CREATE TABLE report_rows (
              report BIGINT NOT NULL REFERENCES aggregate_reports (id) ON DELETE CASCADE,
              row_no INTEGER NOT NULL,
              source_ip TEXT NOT NULL,
              message_count BIGINT NOT NULL,
              disposition TEXT,
              dkim TEXT,
              spf TEXT,
              header_from TEXT,
              envelope_from TEXT,
              envelope_to TEXT,
              PRIMARY KEY (report, row_no)
            ){clustered}""",
            """
            CREATE TABLE row_reasons (
              report BIGINT NOT NULL,
              row_no INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              type TEXT NOT NULL,
              comment TEXT,
              PRIMARY KEY (report, row_no, seq),
              FOREIGN KEY (report, row_no) REFERENCES report_rows (report, row_no) ON DELETE CASCADE
            ){clustered}""",
            """
            CREATE TABLE row_dkim (
              report BIGINT NOT NULL,
              row_no INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              domain TEXT,
              selector TEXT,
              result TEXT,
              human_result TEXT,
              PRIMARY KEY (report, row_no, seq),
              FOREIGN KEY (report, row_no) REFERENCES report_rows (report, row_no) ON DELETE CASCADE
            ){clustered}""",
            """
            CREATE TABLE row_spf (
              report BIGINT NOT NULL,
              row_no INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              domain TEXT,
              scope TEXT,
              result TEXT,
              human_result TEXT,
              PRIMARY KEY (report, row_no, seq),
              FOREIGN KEY (report, row_no) REFERENCES report_rows (report, row_no) ON DELETE CASCADE
            ){clustered}""",
            """
            CREATE TABLE failure_reports (
              id {id},
              digest TEXT NOT NULL UNIQUE,
              feedback_type TEXT NOT NULL,
              user_agent TEXT,
              version TEXT,
              original_envelope_id TEXT,
              original_mail_from TEXT,
              original_rcpt_to TEXT,
              arrival_time BIGINT,
              reporting_mta TEXT,
              source_ip TEXT,
              incidents BIGINT NOT NULL,
              authentication_results TEXT,
              reported_domain TEXT,
              delivery_result TEXT,
              auth_failure TEXT,
              dkim_domain TEXT,
              dkim_identity TEXT,
              dkim_selector TEXT,
              identity_alignment TEXT,
              spf_dns TEXT,
              original_from TEXT,
              original_to TEXT,
              original_subject TEXT,
              original_message_id TEXT,
              original_date TEXT,
              source_file TEXT,
              imported_at BIGINT NOT NULL
            )""",
            "CREATE INDEX failure_reports_domain ON failure_reports (reported_domain, arrival_time)"),
            inlineFirstResults(),
            inlineFirstReason(),
            recordsByKey());

    /**
     * How many record keys each report has: a record's {@code row_key} (schema 4) is its report's id
     * times this, plus its number. A report may hold one record fewer
     * ({@link AggregateReportReader#MAX_RECORDS}).
     */
    static final long ROW_KEYS = 1L << 24;

    /** The columns of {@code report_rows} besides {@code row_key}, as schemas 1 to 3 made them. */
    static final String RECORD_COLUMNS = "report, row_no, source_ip, message_count, disposition, dkim, spf,"
            + " header_from, envelope_from, envelope_to, dkim_results, dkim_domain, dkim_selector, dkim_result,"
            + " dkim_human_result, spf_results, spf_domain, spf_scope, spf_result, spf_human_result, reason_type, reason_comment";

    /**
     * Version 2: nearly every record has one DKIM and one SPF result, so a record's first of each
     * is kept in its own row of {@code report_rows} (with how many it has), and only the others in
     * {@code row_dkim_more} and {@code row_spf_more}: a record is one insert instead of three.
     * {@code row_dkim} and {@code row_spf} become views of the same rows as before, so every query
     * reads them unchanged, on both databases. An archive of version 1 is moved over in the migration.
     */
    private static List<String> inlineFirstResults() {
        List<String> statements = new java.util.ArrayList<>();
        for (String[] kind : new String[][] {{"dkim", "selector"}, {"spf", "scope"}}) {
            String results = kind[0];
            String second = kind[1];
            String table = "row_" + results;
            statements.add("ALTER TABLE report_rows ADD COLUMN " + results + "_results INTEGER NOT NULL DEFAULT 0");
            for (String column : List.of("domain", second, "result", "human_result")) {
                statements.add("ALTER TABLE report_rows ADD COLUMN " + results + "_" + column + " TEXT");
            }
            String ofRow = " FROM " + table + " t WHERE t.report = report_rows.report AND t.row_no = report_rows.row_no";
            statements.add("UPDATE report_rows SET " + results + "_results = (SELECT COUNT(*)" + ofRow + ")"
                    + List.of("domain", second, "result", "human_result").stream()
                            .map(column -> ", " + results + "_" + column + " = (SELECT t." + column + ofRow + " AND t.seq = 1)")
                            .collect(java.util.stream.Collectors.joining()));
            statements.add("DELETE FROM " + table + " WHERE seq = 1");
            statements.add("ALTER TABLE " + table + " RENAME TO " + table + "_more");
            statements.add(resultsView(results, second));
        }
        return List.copyOf(statements);
    }

    /** {@code row_dkim} or {@code row_spf}: a record's first result, kept in its row, and the others. */
    private static String resultsView(String results, String second) {
        return "CREATE VIEW row_" + results + " AS SELECT report, row_no, 1 AS seq, " + results + "_domain AS domain, "
                + results + "_" + second + " AS " + second + ", " + results + "_result AS result, " + results
                + "_human_result AS human_result FROM report_rows WHERE " + results + "_results > 0"
                + " UNION ALL SELECT report, row_no, seq, domain, " + second + ", result, human_result FROM row_" + results + "_more";
    }

    /**
     * Version 3: a record's first override reason is kept in its own row of {@code report_rows}
     * too, and only the others in {@code row_reasons_more}, as version 2 did for the results: in
     * the import benchmark, where one record in four gives a reason, writing them apart cost each
     * report's transaction two pages of log of its own. {@code row_reasons} becomes a view of the
     * same rows as before. A reason's type is never null, so a null {@code reason_type} is a
     * record without reasons.
     */
    private static List<String> inlineFirstReason() {
        String ofRow = " FROM row_reasons t WHERE t.report = report_rows.report AND t.row_no = report_rows.row_no AND t.seq = 1";
        return List.of(
                "ALTER TABLE report_rows ADD COLUMN reason_type TEXT",
                "ALTER TABLE report_rows ADD COLUMN reason_comment TEXT",
                "UPDATE report_rows SET reason_type = (SELECT t.type" + ofRow + "), reason_comment = (SELECT t.comment" + ofRow
                        + ") WHERE EXISTS (SELECT 1" + ofRow + ")",
                "DELETE FROM row_reasons WHERE seq = 1",
                "ALTER TABLE row_reasons RENAME TO row_reasons_more",
                REASONS_VIEW);
    }

    private static final String REASONS_VIEW = "CREATE VIEW row_reasons AS SELECT report, row_no, 1 AS seq, reason_type AS type,"
            + " reason_comment AS comment FROM report_rows WHERE reason_type IS NOT NULL"
            + " UNION ALL SELECT report, row_no, seq, type, comment FROM row_reasons_more";

    /**
     * Version 4: on SQLite the records are a table of row ids, {@code row_key}, instead of a B-tree
     * keyed by (report, row_no). A report's records, numbered from its id up, are appended after the
     * last ones, where the keyed tree, filling its last leaf, rebalanced it with two others each time:
     * importing 10,000 reports took some 10% less time (README, Performance). The queries find a
     * report's records by the range of their keys. SQLite cannot change a table's key in place, so
     * the table is copied (its three views are made again over the copy). PostgreSQL keeps its
     * primary key and gains the column, so the same queries run on both.
     */
    private static List<String> recordsByKey() {
        return List.of(
                "{sqlite} DROP VIEW row_dkim",
                "{sqlite} DROP VIEW row_spf",
                "{sqlite} DROP VIEW row_reasons",
                """
                {sqlite} CREATE TABLE report_rows_by_key (
                  row_key INTEGER PRIMARY KEY,
                  report BIGINT NOT NULL REFERENCES aggregate_reports (id) ON DELETE CASCADE,
                  row_no INTEGER NOT NULL,
                  source_ip TEXT NOT NULL,
                  message_count BIGINT NOT NULL,
                  disposition TEXT,
                  dkim TEXT,
                  spf TEXT,
                  header_from TEXT,
                  envelope_from TEXT,
                  envelope_to TEXT,
                  dkim_results INTEGER NOT NULL DEFAULT 0,
                  dkim_domain TEXT,
                  dkim_selector TEXT,
                  dkim_result TEXT,
                  dkim_human_result TEXT,
                  spf_results INTEGER NOT NULL DEFAULT 0,
                  spf_domain TEXT,
                  spf_scope TEXT,
                  spf_result TEXT,
                  spf_human_result TEXT,
                  reason_type TEXT,
                  reason_comment TEXT
                )""",
                "{sqlite} INSERT INTO report_rows_by_key (row_key, " + RECORD_COLUMNS + ") SELECT report * " + ROW_KEYS
                        + " + row_no, " + RECORD_COLUMNS + " FROM report_rows",
                "{sqlite} DROP TABLE report_rows",
                "{sqlite} ALTER TABLE report_rows_by_key RENAME TO report_rows",
                "{sqlite} " + resultsView("dkim", "selector"),
                "{sqlite} " + resultsView("spf", "scope"),
                "{sqlite} " + REASONS_VIEW,
                "{postgresql} ALTER TABLE report_rows ADD COLUMN row_key BIGINT",
                "{postgresql} UPDATE report_rows SET row_key = report * " + ROW_KEYS + " + row_no",
                "{postgresql} ALTER TABLE report_rows ALTER COLUMN row_key SET NOT NULL");
    }

    /** The newest version this Mailwright knows. */
    static final int LATEST = VERSIONS.size();

    private Migrations() {
    }

    /**
     * Brings the archive to {@link #LATEST}.
     *
     * @throws ArchiveException when the archive is newer than this Mailwright
     * @throws SQLException when the database refuses
     */
    static void migrate(Connection connection, Dialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                        + " applied_at BIGINT NOT NULL)");
            }
            connection.commit();
            int current = current(connection);
            connection.commit();
            if (current > LATEST) {
                throw new ArchiveException("reports.archive.newer-schema", current, LATEST);
            }
            for (int version = current + 1; version <= LATEST; version++) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : VERSIONS.get(version - 1)) {
                        if (dialect.runs(sql)) {
                            statement.execute(dialect.sql(sql));
                        }
                    }
                    statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (" + version + ", "
                            + System.currentTimeMillis() / 1000 + ")");
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    // Another process may have migrated at the same moment: fine if the version is there now.
                    if (current(connection) < version) {
                        throw e;
                    }
                    connection.commit();
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The version the archive is at: 0 when new. */
    static int current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
