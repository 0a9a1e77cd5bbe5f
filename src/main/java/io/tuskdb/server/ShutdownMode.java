package io.tuskdb.server;

/** PostgreSQL's shutdown modes (pg_ctl stop -m smart|fast|immediate). */
public enum ShutdownMode {
    /** Refuse new connections (57P03), wait for sessions to end (up to the configured timeout), then go fast. */
    SMART,
    /** Every session gets FATAL 57P01, its transaction rolls back, its socket closes. */
    FAST,
    /** Close every socket at once. */
    IMMEDIATE
}
