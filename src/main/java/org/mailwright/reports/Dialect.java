package org.mailwright.reports;

/** The two databases the archive runs on, and the little of their SQL that differs. */
enum Dialect {

    /** Child tables keyed by (report, row) are stored in their key's order: half the B-trees to write. */
    SQLITE("INTEGER PRIMARY KEY", " WITHOUT ROWID", "BINARY"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", "", "\"C\"");

    private final String identity;
    private final String clustered;
    private final String bytewise;

    Dialect(String identity, String clustered, String bytewise) {
        this.identity = identity;
        this.clustered = clustered;
        this.bytewise = bytewise;
    }

    /** The collation that orders text by its code points, whatever the server's locale: the same order on both. */
    String bytewise() {
        return bytewise;
    }

    /**
     * {@code sql} with {@code {id}} written as this database's generated primary key, and
     * {@code {clustered}} as what stores a table in its primary key's order.
     */
    String sql(String sql) {
        return sql.replace("{id}", identity).replace("{clustered}", clustered);
    }
}
