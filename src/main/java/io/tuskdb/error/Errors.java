package io.tuskdb.error;

/**
 * Factories for the errors raised in many places, with PostgreSQL's exact wording.
 * Errors raised in one place only may be built there with {@code new PgException(...)}.
 */
public final class Errors {
    private Errors() {
    }

    public static PgException syntaxError(String nearToken, int position) {
        String message = nearToken == null ? "syntax error at end of input" : "syntax error at or near \"" + nearToken + "\"";
        return new PgException(SqlState.SYNTAX_ERROR, message).withPosition(position);
    }

    public static PgException featureNotSupported(String feature) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, feature + " is not supported");
    }

    public static PgException undefinedTable(String name, int position) {
        return new PgException(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist").withPosition(position);
    }

    public static PgException duplicateTable(String name) {
        return new PgException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }

    public static PgException undefinedColumn(String name, int position) {
        return new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist").withPosition(position);
    }

    public static PgException divisionByZero() {
        return new PgException(SqlState.DIVISION_BY_ZERO, "division by zero");
    }

    /** {@code invalid input syntax for type integer: "abc"} */
    public static PgException invalidTextRepresentation(String typeName, String input) {
        return new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + input + "\"");
    }

    /** {@code integer out of range}, {@code smallint out of range}, {@code bigint out of range} ... */
    public static PgException outOfRange(String typeName) {
        return new PgException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    public static PgException queryCanceled() {
        return new PgException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
    }

    public static PgException statementTimeout() {
        return new PgException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
    }

    public static PgException terminatedByAdministrator() {
        return new PgException(SqlState.ADMIN_SHUTDOWN, Severity.FATAL,
                "terminating connection due to administrator command", null, null, 0, null, null, null, null, null);
    }

    public static PgException inFailedTransaction() {
        return new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block");
    }

    public static PgException protocolViolation(String message) {
        return new PgException(SqlState.PROTOCOL_VIOLATION, message);
    }

    /** A Java failure that escaped without a SQLSTATE: a bug, reported as XX000 while the session lives on. */
    public static PgException internal(Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return new PgException(SqlState.INTERNAL_ERROR, Severity.ERROR, text, null, null, 0, null, null, null, null, cause);
    }
}
