package io.tuskdb.sql.executor;

import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

/**
 * A row of values usable as a hash key with SQL equality for GROUP BY, DISTINCT, set operations, hash joins and
 * partitions: values compare with their type's order ({@link Casts#compare}) and hash consistently with it
 * ({@link Casts#hash}), so numeric 1.0 and 1.00, float -0 and 0, or interval '1 mon' and '30 days' are one key;
 * NULLs group together.
 */
public final class ValueKey {
    private final PgType[] types;
    private final Object[] values;
    private final int hash;

    public ValueKey(PgType[] types, Object[] values) {
        this.types = types;
        this.values = values;
        int h = 1;
        for (int i = 0; i < values.length; i++) {
            h = 31 * h + (values[i] == null ? 0 : Casts.hash(types[i], values[i]));
        }
        this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ValueKey k) || k.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = k.values[i];
            if (a == null || b == null) {
                if (a != b) {
                    return false;
                }
            } else if (Casts.compare(types[i], a, b) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
