package io.tuskdb.sql.executor;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A row of values usable as a hash key with SQL equality for GROUP BY, DISTINCT and set operations:
 * 1.0 and 1.00 are one numeric value, -0.0 equals 0.0, byte arrays compare by content, NULLs group together.
 */
public final class ValueKey {
    private final Object[] values;
    private final int hash;

    public ValueKey(Object[] values) {
        this.values = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            this.values[i] = normalize(values[i]);
        }
        this.hash = Arrays.deepHashCode(this.values);
    }

    private static Object normalize(Object v) {
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (v instanceof Double d && d == 0.0) {
            return 0.0d;
        }
        if (v instanceof Float f && f == 0.0f) {
            return 0.0f;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueKey k && Arrays.deepEquals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
