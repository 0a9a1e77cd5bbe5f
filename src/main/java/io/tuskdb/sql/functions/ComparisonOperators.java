package io.tuskdb.sql.functions;

import io.tuskdb.types.Casts;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.PgType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.DATE;
import static io.tuskdb.types.PgType.FLOAT4;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT2;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.NAME;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.TIMESTAMP;
import static io.tuskdb.types.PgType.TIMESTAMPTZ;

/**
 * = &lt;&gt; &lt; &gt; &lt;= &gt;= for every type with a btree opclass, plus the cross-type pairs pg_operator
 * has: integer widths, float4/float8, name/text, and date/timestamp/timestamptz (those compare in the session's
 * TimeZone, as PostgreSQL's timestamp_cmp_timestamptz does).
 */
final class ComparisonOperators {
    private ComparisonOperators() {
    }

    static final List<String> SYMBOLS = List.of("=", "<>", "<", ">", "<=", ">=");

    /** The values compared, given their order ({@link Casts#compare} or a cross-type comparison). */
    @FunctionalInterface
    interface Order {
        int compare(FormatSettings settings, Object a, Object b);
    }

    static void register(Registry r) {
        for (PgType t : PgType.values()) {
            if (t == PgType.VOID || t == PgType.UNKNOWN || t == PgType.VARCHAR) {
                // varchar uses text's operators (binary coercible), as in pg_operator
                continue;
            }
            add(r, t, t, (s, a, b) -> Casts.compare(t, a, b));
        }
        List<PgType> ints = List.of(INT2, INT4, INT8);
        for (PgType a : ints) {
            for (PgType b : ints) {
                if (a != b) {
                    add(r, a, b, (s, x, y) -> Long.compare(((Number) x).longValue(), ((Number) y).longValue()));
                }
            }
        }
        add(r, FLOAT4, FLOAT8, (s, x, y) -> Casts.compare(FLOAT8, ((Number) x).doubleValue(), y));
        add(r, FLOAT8, FLOAT4, (s, x, y) -> Casts.compare(FLOAT8, x, ((Number) y).doubleValue()));
        add(r, NAME, TEXT, (s, x, y) -> Casts.compare(TEXT, x, y));
        add(r, TEXT, NAME, (s, x, y) -> Casts.compare(TEXT, x, y));
        add(r, DATE, TIMESTAMP, (s, x, y) -> Casts.compare(TIMESTAMP, Casts.dateToTimestamp((LocalDate) x), y));
        add(r, TIMESTAMP, DATE, (s, x, y) -> Casts.compare(TIMESTAMP, x, Casts.dateToTimestamp((LocalDate) y)));
        add(r, DATE, TIMESTAMPTZ, (s, x, y) -> Casts.compare(TIMESTAMPTZ,
                Casts.timestampToTimestamptz(Casts.dateToTimestamp((LocalDate) x), s.timeZone()), y));
        add(r, TIMESTAMPTZ, DATE, (s, x, y) -> Casts.compare(TIMESTAMPTZ, x,
                Casts.timestampToTimestamptz(Casts.dateToTimestamp((LocalDate) y), s.timeZone())));
        add(r, TIMESTAMP, TIMESTAMPTZ, (s, x, y) -> Casts.compare(TIMESTAMPTZ,
                Casts.timestampToTimestamptz((LocalDateTime) x, s.timeZone()), y));
        add(r, TIMESTAMPTZ, TIMESTAMP, (s, x, y) -> Casts.compare(TIMESTAMPTZ, x,
                Casts.timestampToTimestamptz((LocalDateTime) y, s.timeZone())));
    }

    private static void add(Registry r, PgType left, PgType right, Order order) {
        r.op("=", left, right, BOOL, (s, a, b) -> order.compare(s, a, b) == 0);
        r.op("<>", left, right, BOOL, (s, a, b) -> order.compare(s, a, b) != 0);
        r.op("<", left, right, BOOL, (s, a, b) -> order.compare(s, a, b) < 0);
        r.op(">", left, right, BOOL, (s, a, b) -> order.compare(s, a, b) > 0);
        r.op("<=", left, right, BOOL, (s, a, b) -> order.compare(s, a, b) <= 0);
        r.op(">=", left, right, BOOL, (s, a, b) -> order.compare(s, a, b) >= 0);
    }
}
