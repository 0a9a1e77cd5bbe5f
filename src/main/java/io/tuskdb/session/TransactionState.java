package io.tuskdb.session;

/**
 * The transaction block state, PostgreSQL's TBlockState folded to what a client can observe
 * (src/backend/access/transam/xact.c).
 */
public enum TransactionState {
    /** No transaction (ReadyForQuery 'I'). */
    IDLE('I'),
    /** A transaction for one statement, a multi-statement query string or an extended-protocol batch up to Sync. */
    IMPLICIT('I'),
    /** Inside BEGIN ... COMMIT ('T'). */
    BLOCK('T'),
    /** Inside a block after an error: only ROLLBACK/COMMIT run ('E'). */
    FAILED('E');

    private final char readyForQueryStatus;

    TransactionState(char readyForQueryStatus) {
        this.readyForQueryStatus = readyForQueryStatus;
    }

    /** ReadyForQuery's transaction status byte. */
    public char readyForQueryStatus() {
        return readyForQueryStatus;
    }
}
