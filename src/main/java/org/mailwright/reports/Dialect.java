package org.mailwright.reports;

/** The two databases the archive runs on, and the little of their SQL that differs. */
enum Dialect {

    /** Child tables keyed by (report, row) are stored in their key's order: half the B-trees to write. */
    SQLITE("{sqlite} ", "INTEGER PRIMARY KEY", " WITHOUT ROWID", "BINARY"),
    POSTGRESQL("{postgresql} ", "BIGSERIAL PRIMARY KEY", "", "\"C\"");

    private final String marker;
    private final String identity;
    private final String clustered;
    private final String bytewise;

    Dialect(String marker, String identity, String clustered, String bytewise) {
        this.marker = marker;
        this.identity = identity;
        this.clustered = clustered;
        this.bytewise = bytewise;
    }

    /** Whether this database runs {@code sql}: a statement that begins with a database's marker is that one's alone. */
    boolean runs(String sql) {
        return sql.startsWith(marker) || java.util.Arrays.stream(values()).noneMatch(dialect -> sql.startsWith(dialect.marker));
    }

    /** The collation that orders text by its code points, whatever the server's locale: the same order on both. */
    String bytewise() {
        return bytewise;
    }

    /**
     * {@code sql} without this database's marker, with {@code {id}} written as its generated primary
     * key, and {@code {clustered}} as what stores a table in its primary key's order.
     */
    String sql(String sql) {
        String unmarked = sql.startsWith(marker) ? sql.substring(marker.length()) : sql;
        return unmarked.replace("{id}", identity).replace("{clustered}", clustered);
    }
}
