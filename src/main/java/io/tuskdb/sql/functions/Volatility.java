package io.tuskdb.sql.functions;

/** pg_proc.provolatile: whether a call may be folded at plan time (IMMUTABLE) or per statement (STABLE). */
public enum Volatility {
    IMMUTABLE, STABLE, VOLATILE
}
