package io.tuskdb.session.settings;

/** Who may change a setting and when (PostgreSQL's GucContext, guc.h). */
public enum GucContext {
    /** Fixed at build or initdb time (server_version). */
    INTERNAL,
    /** Needs a server restart (max_connections). */
    POSTMASTER,
    /** Only at connection start, from the startup packet. */
    BACKEND,
    /** Superusers only (lc_messages). */
    SUPERUSER,
    /** Anyone, any time (DateStyle, search_path). */
    USER
}
