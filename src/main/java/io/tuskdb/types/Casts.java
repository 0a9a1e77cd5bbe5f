package io.tuskdb.types;

/**
 * Casts between built-in types with PostgreSQL's semantics (pg_cast): which casts exist and in what context,
 * and how values convert, including rounding, overflow (22003) and typmod coercion.
 */
public final class Casts {
    private Casts() {
    }

    /** Whether a cast from {@code from} to {@code to} may be applied in {@code context}. */
    public static boolean canCast(PgType from, PgType to, CastContext context) {
        throw new UnsupportedOperationException("Casts.canCast");
    }

    /** Converts a non-null value; {@code typmod} -1 for none. Explicit casts truncate varchar silently. */
    public static Object cast(Object value, PgType from, PgType to, int typmod, CastContext context,
                              FormatSettings settings) {
        throw new UnsupportedOperationException("Casts.cast");
    }

    /**
     * Applies a type modifier to a value already of {@code type}: varchar(n)/bpchar(n) length check (22001
     * "value too long for type character varying(3)") or, when {@code explicit}, truncation; bpchar padding;
     * numeric(p,s) rounding and 22003 "numeric field overflow"; timestamp precision.
     */
    public static Object applyTypmod(PgType type, Object value, int typmod, boolean explicit) {
        throw new UnsupportedOperationException("Casts.applyTypmod");
    }

    /** Total order used by comparisons, ORDER BY, DISTINCT and GROUP BY on non-null values of one type. */
    public static int compare(PgType type, Object a, Object b) {
        throw new UnsupportedOperationException("Casts.compare");
    }

    /** format_type(): "character varying(10)", "numeric(10,2)", "integer". */
    public static String formatType(PgType type, int typmod) {
        throw new UnsupportedOperationException("Casts.formatType");
    }
}
