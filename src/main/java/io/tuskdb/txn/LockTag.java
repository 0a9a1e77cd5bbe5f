package io.tuskdb.txn;

import java.util.Arrays;
import java.util.HexFormat;

/** What a lock is taken on: a relation (table lock) or one storage key (row lock). Compared by content. */
public final class LockTag {
    private final int relationOid;
    private final byte[] key;
    private final int hash;

    private LockTag(int relationOid, byte[] key) {
        this.relationOid = relationOid;
        this.key = key;
        this.hash = 31 * relationOid + Arrays.hashCode(key);
    }

    /** A table-level lock on a relation. */
    public static LockTag relation(int relationOid) {
        return new LockTag(relationOid, null);
    }

    /** A row-level lock on one storage key (the key includes its relation's prefix). */
    public static LockTag row(byte[] key) {
        return new LockTag(-1, key.clone());
    }

    public boolean isRow() {
        return key != null;
    }

    public int relationOid() {
        return relationOid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockTag t && t.relationOid == relationOid && Arrays.equals(t.key, key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return key == null ? "relation " + relationOid : "row " + HexFormat.of().formatHex(key);
    }
}
