package org.mailwright.reports;

/** The two databases the archive runs on, and the little of their SQL that differs. */
enum Dialect {

    /** Child tables keyed by (report, row) are stored in their key's order: half the B-trees to write. */
    SQLITE("INTEGER PRIMARY KEY", " WITHOUT ROWID"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY", "");

    private final String identity;
    private final String clustered;

    Dialect(String identity, String clustered) {
        this.identity = identity;
        this.clustered = clustered;
    }

    /**
     * {@code sql} with {@code {id}} written as this database's generated primary key, and
     * {@code {clustered}} as what stores a table in its primary key's order.
     */
    String sql(String sql) {
        return sql.replace("{id}", identity).replace("{clustered}", clustered);
    }
}
