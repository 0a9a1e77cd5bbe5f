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
}
