package io.tuskdb.types;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * The btree ordering of each type (its {@code *_cmp} support function). Text-like types compare by Unicode code
 * point, which is byte order of the UTF-8 form: the C collation, the only one TuskDB has.
 */
final class ValueOrder {
    private ValueOrder() {
    }

    static int compare(PgType type, Object a, Object b) {
        return switch (type) {
            case BOOL -> Boolean.compare((Boolean) a, (Boolean) b);
            case INT2 -> Short.compare((Short) a, (Short) b);
            case INT4 -> Integer.compare((Integer) a, (Integer) b);
            case OID -> Integer.compareUnsigned((Integer) a, (Integer) b);
            case INT8 -> Long.compare((Long) a, (Long) b);
            case FLOAT4 -> compareDouble((Float) a, (Float) b);
            case FLOAT8 -> compareDouble((Double) a, (Double) b);
            case NUMERIC -> compareNumeric(a, b);
            case TEXT, VARCHAR, NAME, UNKNOWN, CHAR -> compareCodePoints((String) a, (String) b);
            case BPCHAR -> compareBpchar((String) a, (String) b);
            case BYTEA -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case DATE -> ((LocalDate) a).compareTo((LocalDate) b);
            case TIME -> ((LocalTime) a).compareTo((LocalTime) b);
            case TIMESTAMP -> ((LocalDateTime) a).compareTo((LocalDateTime) b);
            case TIMESTAMPTZ -> ((Instant) a).compareTo((Instant) b);
            case INTERVAL -> compareInterval((Interval) a, (Interval) b);
            case UUID -> compareUuid((UUID) a, (UUID) b);
            case VOID -> 0;
        };
    }

    /**
     * A hash consistent with {@link #compare}: values that compare equal hash alike (numeric 1.0 and 1.00, float
     * -0 and 0, bpchar 'a ' and 'a', interval '1 mon' and '30 days').
     */
    static int hash(PgType type, Object v) {
        return switch (type) {
            case FLOAT4, FLOAT8 -> {
                double d = ((Number) v).doubleValue();
                yield d == 0 ? 0 : Double.isNaN(d) ? 0x7ff80000 : Double.hashCode(d);
            }
            case NUMERIC -> v instanceof BigDecimal d ? d.stripTrailingZeros().hashCode() : v.hashCode();
            case BPCHAR -> Casts.rtrimSpaces((String) v).hashCode();
            case BYTEA -> Arrays.hashCode((byte[]) v);
            case INTERVAL -> Arrays.hashCode(intervalKey((Interval) v));
            case VOID -> 0;
            default -> v.hashCode();
        };
    }

    /** float8_cmp_internal: NaN sorts above everything and equals itself; -0 equals 0. */
    static int compareDouble(double a, double b) {
        if (Double.isNaN(a)) {
            return Double.isNaN(b) ? 0 : 1;
        }
        if (Double.isNaN(b)) {
            return -1;
        }
        return a > b ? 1 : a < b ? -1 : 0;
    }

    /** cmp_numerics: -Infinity &lt; numbers &lt; Infinity &lt; NaN. */
    static int compareNumeric(Object a, Object b) {
        int ra = numericRank(a);
        int rb = numericRank(b);
        if (ra != rb || ra != 1) {
            return Integer.compare(ra, rb);
        }
        return ((BigDecimal) a).compareTo((BigDecimal) b);
    }

    private static int numericRank(Object v) {
        if (v instanceof NumericSpecial s) {
            return switch (s) {
                case NEGATIVE_INFINITY -> 0;
                case POSITIVE_INFINITY -> 2;
                case NAN -> 3;
            };
        }
        return 1;
    }

    /** String order by code point (UTF-16 order differs for characters above U+FFFF vs U+E000..U+FFFF). */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (ca >= 0xD800 && cb >= 0xD800) {
                    return fixup(ca) - fixup(cb);
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    private static int fixup(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        return c + 0x2000;
    }

    /** bpcharcmp: trailing blanks are insignificant. */
    static int compareBpchar(String a, String b) {
        int la = a.length();
        while (la > 0 && a.charAt(la - 1) == ' ') {
            la--;
        }
        int lb = b.length();
        while (lb > 0 && b.charAt(lb - 1) == ' ') {
            lb--;
        }
        return compareCodePoints(la == a.length() ? a : a.substring(0, la), lb == b.length() ? b : b.substring(0, lb));
    }

    /** interval_cmp_value: months count 30 days and days 24 hours, compared exactly. */
    static int compareInterval(Interval a, Interval b) {
        long[] ka = intervalKey(a);
        long[] kb = intervalKey(b);
        int c = Long.compare(ka[0], kb[0]);
        return c != 0 ? c : Long.compare(ka[1], kb[1]);
    }

    static long[] intervalKey(Interval v) {
        long day = IntervalFormat.USECS_PER_DAY;
        long days = (long) v.months() * 30 + v.days() + Math.floorDiv(v.micros(), day);
        long micros = Math.floorMod(v.micros(), day);
        return new long[]{days, micros};
    }

    /** uuid_cmp is memcmp: unsigned. */
    static int compareUuid(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
