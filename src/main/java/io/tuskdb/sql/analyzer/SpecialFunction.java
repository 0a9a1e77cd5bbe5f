package io.tuskdb.sql.analyzer;

import io.tuskdb.types.PgType;

/**
 * SQL-standard functions written without parentheses, which PostgreSQL evaluates from session state
 * (SQLValueFunction in PostgreSQL). Times are the transaction start time, as in PostgreSQL.
 */
public enum SpecialFunction {
    CURRENT_DATE(PgType.DATE),
    CURRENT_TIMESTAMP(PgType.TIMESTAMPTZ),
    LOCALTIMESTAMP(PgType.TIMESTAMP),
    CURRENT_TIME(PgType.TIME),
    LOCALTIME(PgType.TIME),
    CURRENT_USER(PgType.NAME),
    SESSION_USER(PgType.NAME),
    CURRENT_SCHEMA(PgType.NAME),
    CURRENT_CATALOG(PgType.NAME);

    private final PgType type;

    SpecialFunction(PgType type) {
        this.type = type;
    }

    public PgType type() {
        return type;
    }
}
