package io.tuskdb.error;

/** ErrorResponse / NoticeResponse severities (fields 'S' and 'V'), as PostgreSQL spells them. */
public enum Severity {
    ERROR, FATAL, PANIC, WARNING, NOTICE, DEBUG, INFO, LOG
}
