package io.tuskdb.error;

/**
 * The one user-visible failure: a SQLSTATE, PostgreSQL-style message text, and optional detail, hint and
 * 1-based character position into the statement text. The protocol turns it into ErrorResponse
 * (or NoticeResponse for a severity below ERROR); the console prints it.
 *
 * <p>Raise it through {@link Errors} factories where the error happens, never by mapping Java exceptions later.
 */
public final class PgException extends RuntimeException {
    private final SqlState sqlState;
    private final Severity severity;
    private final String detail;
    private final String hint;
    private final int position;
    private final String schemaName;
    private final String tableName;
    private final String columnName;
    private final String constraintName;
    /** Where the error happened (the ErrorResponse's Where field, psql's CONTEXT line), or null. */
    private final String context;

    public PgException(SqlState sqlState, String message) {
        this(sqlState, Severity.ERROR, message, null, null, 0, null, null, null, null, null);
    }

    public PgException(SqlState sqlState, Severity severity, String message, String detail, String hint, int position,
                       String schemaName, String tableName, String columnName, String constraintName, Throwable cause) {
        this(null, sqlState, severity, message, detail, hint, position, schemaName, tableName, columnName,
                constraintName, cause);
    }

    private PgException(String context, SqlState sqlState, Severity severity, String message, String detail,
                        String hint, int position, String schemaName, String tableName, String columnName,
                        String constraintName, Throwable cause) {
        super(message, cause, false, cause != null);
        this.context = context;
        this.sqlState = sqlState;
        this.severity = severity;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.schemaName = schemaName;
        this.tableName = tableName;
        this.columnName = columnName;
        this.constraintName = constraintName;
    }

    public SqlState sqlState() { return sqlState; }
    public Severity severity() { return severity; }
    public String detail() { return detail; }
    public String hint() { return hint; }
    /** 1-based character position in the statement text, or 0 when there is none. */
    public int position() { return position; }
    public String schemaName() { return schemaName; }
    public String tableName() { return tableName; }
    public String columnName() { return columnName; }
    public String constraintName() { return constraintName; }
    /** The CONTEXT ("COPY t, line 1, column n: \"abc\""), or null. */
    public String context() { return context; }

    /** The same error with a context line (PostgreSQL's errcontext); keeps an existing one (the innermost). */
    public PgException withContext(String newContext) {
        if (context != null || newContext == null) {
            return this;
        }
        return new PgException(newContext, sqlState, severity, getMessage(), detail, hint, position, schemaName,
                tableName, columnName, constraintName, getCause());
    }

    public PgException withDetail(String newDetail) {
        return new PgException(context, sqlState, severity, getMessage(), newDetail, hint, position, schemaName, tableName,
                columnName, constraintName, getCause());
    }

    public PgException withHint(String newHint) {
        return new PgException(context, sqlState, severity, getMessage(), detail, newHint, position, schemaName, tableName,
                columnName, constraintName, getCause());
    }

    /** The same error at a position; keeps an existing position (the innermost one is the most precise). */
    public PgException withPosition(int newPosition) {
        if (position > 0 || newPosition <= 0) {
            return this;
        }
        return new PgException(context, sqlState, severity, getMessage(), detail, hint, newPosition, schemaName, tableName,
                columnName, constraintName, getCause());
    }

    /** Moves the position by {@code offset} characters (a statement inside a multi-statement query string). */
    public PgException shiftPosition(int offset) {
        if (position <= 0 || offset == 0) {
            return this;
        }
        return new PgException(context, sqlState, severity, getMessage(), detail, hint, position + offset, schemaName, tableName,
                columnName, constraintName, getCause());
    }

    public PgException withSeverity(Severity newSeverity) {
        return new PgException(context, sqlState, newSeverity, getMessage(), detail, hint, position, schemaName, tableName,
                columnName, constraintName, getCause());
    }

    public PgException withTable(String schema, String table) {
        return new PgException(context, sqlState, severity, getMessage(), detail, hint, position, schema, table,
                columnName, constraintName, getCause());
    }

    public PgException withConstraint(String constraint) {
        return new PgException(context, sqlState, severity, getMessage(), detail, hint, position, schemaName, tableName,
                columnName, constraint, getCause());
    }

    public PgException withColumn(String column) {
        return new PgException(context, sqlState, severity, getMessage(), detail, hint, position, schemaName, tableName,
                column, constraintName, getCause());
    }
}
