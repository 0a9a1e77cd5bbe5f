package io.tuskdb.storage;

/**
 * A range over a table's primary key in SQL order. Bounds are prefixes of the primary-key values (fewer values
 * than key columns are allowed; an empty or null prefix is unbounded). Example: {@code id = 5} is
 * lower = upper = [5], both inclusive; {@code id > 5} is lower = [5] exclusive, upper = null.
 */
public record KeyRange(Object[] lower, boolean lowerInclusive, Object[] upper, boolean upperInclusive) {
    public static final KeyRange ALL = new KeyRange(null, true, null, true);

    public static KeyRange exactly(Object... prefix) {
        return new KeyRange(prefix, true, prefix, true);
    }
}
