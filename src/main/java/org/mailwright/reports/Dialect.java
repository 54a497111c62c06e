package org.mailwright.reports;

/** The two databases the archive runs on, and the little of their SQL that differs. */
enum Dialect {

    SQLITE("INTEGER PRIMARY KEY"),
    POSTGRESQL("BIGSERIAL PRIMARY KEY");

    private final String identity;

    Dialect(String identity) {
        this.identity = identity;
    }

    /** {@code sql} with {@code {id}} written as this database's generated primary key. */
    String sql(String sql) {
        return sql.replace("{id}", identity);
    }
}
