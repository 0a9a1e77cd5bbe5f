package io.tuskdb.txn;

/**
 * PostgreSQL's row-level lock modes, weakest first
 * (<a href="https://www.postgresql.org/docs/15/explicit-locking.html#ROW-LOCK-COMPATIBILITY">Table 13.3</a>).
 * UPDATE takes NO_KEY_UPDATE unless it changes a key column; DELETE takes UPDATE; INSERT takes UPDATE on the key
 * it is about to write, so two inserts of one key wait for each other.
 */
public enum RowLockMode implements LockMode {
    KEY_SHARE("FOR KEY SHARE"),
    SHARE("FOR SHARE"),
    NO_KEY_UPDATE("FOR NO KEY UPDATE"),
    UPDATE("FOR UPDATE");

    private final String displayName;

    RowLockMode(String displayName) {
        this.displayName = displayName;
    }

    private static final int[] CONFLICTS = {
            TableLockMode.bits(3),
            TableLockMode.bits(2, 3),
            TableLockMode.bits(1, 2, 3),
            TableLockMode.bits(0, 1, 2, 3),
    };

    int conflictMask() {
        return CONFLICTS[ordinal()];
    }

    @Override
    public boolean conflictsWith(LockMode other) {
        return other instanceof RowLockMode r && (CONFLICTS[ordinal()] & (1 << r.ordinal())) != 0;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
