package io.tuskdb.types;

import io.tuskdb.error.PgException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Messages as PostgreSQL 15.15 reports them. */
class TypmodsTest {
    private static void assertError(Runnable r, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(PgException.class, e -> assertThat(e.getMessage()).isEqualTo(message));
    }

    @Test
    void computesAndValidates() {
        assertThat(Typmods.of(PgType.VARCHAR, List.of(10), null)).isEqualTo(14);
        assertThat(Typmods.of(PgType.NUMERIC, List.of(5, 2), null)).isEqualTo(((5 << 16) | 2) + 4);
        assertThat(Casts.formatType(PgType.NUMERIC, Typmods.of(PgType.NUMERIC, List.of(5, -1), null))).isEqualTo("numeric(5,-1)");
        assertThat(Typmods.of(PgType.NUMERIC, List.of(), null)).isEqualTo(-1);
        assertError(() -> Typmods.of(PgType.NUMERIC, List.of(0), null), "NUMERIC precision 0 must be between 1 and 1000");
        assertError(() -> Typmods.of(PgType.NUMERIC, List.of(5, 1001), null), "NUMERIC scale 1001 must be between -1000 and 1000");
        assertError(() -> Typmods.of(PgType.NUMERIC, List.of(5, 2, 1), null), "invalid NUMERIC type modifier");
        assertError(() -> Typmods.of(PgType.VARCHAR, List.of(0), null), "length for type varchar must be at least 1");
        assertError(() -> Typmods.of(PgType.BPCHAR, List.of(0), null), "length for type char must be at least 1");
        assertError(() -> Typmods.of(PgType.VARCHAR, List.of(10485761), null), "length for type varchar cannot exceed 10485760");
        assertError(() -> Typmods.of(PgType.INT4, List.of(5), null), "type modifier is not allowed for type \"int4\"");
        List<PgException> warnings = new ArrayList<>();
        assertThat(Typmods.of(PgType.TIMESTAMPTZ, List.of(7), warnings::add)).isEqualTo(6);
        assertThat(warnings).singleElement().satisfies(w ->
                assertThat(w.getMessage()).isEqualTo("TIMESTAMP(7) WITH TIME ZONE precision reduced to maximum allowed, 6"));
        assertThat(Casts.formatType(PgType.INTERVAL, Typmods.of(PgType.INTERVAL, List.of(3), null))).isEqualTo("interval(3)");
    }

    @Test
    void intervalTypmods() {
        Interval value = (Interval) TypeIO.fromText(PgType.INTERVAL, "1 year 2 mons 3 days 04:05:06.789", FormatSettings.DEFAULT);
        String[][] cases = {
                {"458751", "interval year to month", "1 year 2 mons"},
                {"470286338", "interval day to second(2)", "1 year 2 mons 3 days 04:05:06.79"},
                {"201392127", "interval hour to minute", "1 year 2 mons 3 days 04:05:00"},
                {"327679", "interval year", "1 year"},
        };
        for (String[] c : cases) {
            int typmod = Integer.parseInt(c[0]);
            assertThat(Casts.formatType(PgType.INTERVAL, typmod)).isEqualTo(c[1]);
            assertThat(TypeIO.toText(PgType.INTERVAL, Casts.applyTypmod(PgType.INTERVAL, value, typmod, false),
                    FormatSettings.DEFAULT)).isEqualTo(c[2]);
        }
        Interval negative = (Interval) TypeIO.fromText(PgType.INTERVAL, "-1 day 04:05:06.789", FormatSettings.DEFAULT);
        assertThat(Casts.formatType(PgType.INTERVAL, 2147418113)).isEqualTo("interval(1)");
        assertThat(Typmods.interval("year to month", -1, null)).isEqualTo(458751);
        assertThat(Typmods.interval("day to second", 2, null)).isEqualTo(470286338);
        assertThat(Typmods.interval("HOUR TO MINUTE", -1, null)).isEqualTo(201392127);
        assertThat(Typmods.interval(null, 1, null)).isEqualTo(2147418113);
        assertThat(Typmods.interval(null, -1, null)).isEqualTo(-1);
        assertThat(TypeIO.toText(PgType.INTERVAL, Casts.applyTypmod(PgType.INTERVAL, negative, 2147418113, false),
                FormatSettings.DEFAULT)).isEqualTo("-1 days +04:05:06.8");
    }
}
