package io.tuskdb.sql;

/** One statement of a query string, parsed but not yet analysed. */
public interface ParsedStatement {
    /** This statement's own text. */
    String sql();

    /** Where this statement starts in the whole query string (0-based), to shift error positions. */
    int offset();

    /**
     * COMMIT, END, ROLLBACK, ABORT, ROLLBACK TO SAVEPOINT: the statements PostgreSQL still runs in a failed
     * transaction block (all others get 25P02).
     */
    boolean isTransactionExit();

    /** BEGIN, START TRANSACTION, COMMIT, ROLLBACK and friends, which manage the transaction block themselves. */
    boolean isTransactionControl();
}
