package io.tuskdb.txn;

/**
 * PostgreSQL's table-level lock modes, weakest first, with their conflict table
 * (<a href="https://www.postgresql.org/docs/15/explicit-locking.html#TABLE-LOCK-COMPATIBILITY">Table 13.2</a>).
 */
public enum TableLockMode implements LockMode {
    ACCESS_SHARE("AccessShareLock"),
    ROW_SHARE("RowShareLock"),
    ROW_EXCLUSIVE("RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
    SHARE("ShareLock"),
    SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
    EXCLUSIVE("ExclusiveLock"),
    ACCESS_EXCLUSIVE("AccessExclusiveLock");

    private final String displayName;

    TableLockMode(String displayName) {
        this.displayName = displayName;
    }

    /** Bit i set: conflicts with the mode of ordinal i (lock.c's LockConflicts). */
    private static final int[] CONFLICTS = {
            bits(7),
            bits(6, 7),
            bits(4, 5, 6, 7),
            bits(3, 4, 5, 6, 7),
            bits(2, 3, 5, 6, 7),
            bits(2, 3, 4, 5, 6, 7),
            bits(1, 2, 3, 4, 5, 6, 7),
            bits(0, 1, 2, 3, 4, 5, 6, 7),
    };

    static int bits(int... ordinals) {
        int b = 0;
        for (int o : ordinals) {
            b |= 1 << o;
        }
        return b;
    }

    int conflictMask() {
        return CONFLICTS[ordinal()];
    }

    @Override
    public boolean conflictsWith(LockMode other) {
        return other instanceof TableLockMode t && (CONFLICTS[ordinal()] & (1 << t.ordinal())) != 0;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
