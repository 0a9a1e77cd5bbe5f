package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;

import static io.tuskdb.sql.functions.Lookup.agg;
import static io.tuskdb.sql.functions.Lookup.text;
import static io.tuskdb.sql.functions.Lookup.v;
import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.FLOAT4;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.INTERVAL;
import static io.tuskdb.types.PgType.NUMERIC;
import static io.tuskdb.types.PgType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values were produced by PostgreSQL 15.15. */
class AggregatesTest {

    private static String run(String name, PgType type, String... literals) {
        AggregateFunction f = agg(name, type);
        AggregateFunction.Accumulator acc = f.start();
        for (String l : literals) {
            acc.add(new Object[]{v(type, l)});
        }
        return text(f.returnType(), acc.result());
    }

    @Test
    void signatures() {
        assertThat(agg("sum", INT4).returnType()).isEqualTo(INT8);
        assertThat(agg("sum", INT8).returnType()).isEqualTo(NUMERIC);
        assertThat(agg("sum", FLOAT4).returnType()).isEqualTo(FLOAT4);
        assertThat(agg("avg", INT8).returnType()).isEqualTo(NUMERIC);
        assertThat(agg("avg", FLOAT4).returnType()).isEqualTo(FLOAT8);
        assertThat(agg("count").returnType()).isEqualTo(INT8);
        assertThat(agg("count", (PgType) null).returnType()).isEqualTo(INT8);
        assertThat(Builtins.aggregates("min").stream().noneMatch(a -> a.argumentTypes().get(0) == BOOL)).isTrue();
    }

    @Test
    void sumAndAvg() {
        assertThat(run("avg", INT4, "1", "2")).isEqualTo("1.5000000000000000");
        assertThat(run("avg", NUMERIC, "1.00", "2.00")).isEqualTo("1.5000000000000000");
        assertThat(run("avg", INT8, "1", "2", "4")).isEqualTo("2.3333333333333333");
        assertThat(run("sum", INT8, "1", "2", "4")).isEqualTo("7");
        assertThat(run("sum", INT8, "9223372036854775807", "1")).isEqualTo("9223372036854775808");
        assertThat(run("sum", FLOAT4, "1.1", "2.2")).isEqualTo("3.3000002");
        assertThat(run("sum", INT4)).isNull();
        assertThat(run("sum", INTERVAL, "1 day", "12:00")).isEqualTo("1 day 12:00:00");
        assertThat(run("avg", INTERVAL, "1 day", "2 days")).isEqualTo("1 day 12:00:00");
        assertThat(run("avg", FLOAT8, "1", "2")).isEqualTo("1.5");
        assertThat(run("sum", NUMERIC, "nan", "1")).isEqualTo("NaN");
        assertThatThrownBy(() -> run("sum", FLOAT8, "1e308", "1e308")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("value out of range: overflow"));
    }

    @Test
    void minMaxBoolAndCount() {
        assertThat(run("min", TEXT, "b", "a", "B")).isEqualTo("B");
        assertThat(run("max", FLOAT8, "1", "nan", "infinity")).isEqualTo("NaN");
        assertThat(run("max", NUMERIC, "1.0", "2", "1.5")).isEqualTo("2");
        assertThat(run("bool_and", BOOL, "t", "f")).isEqualTo("f");
        assertThat(run("bool_or", BOOL, "t", "f")).isEqualTo("t");
        assertThat(run("every", BOOL)).isNull();
        AggregateFunction.Accumulator count = agg("count").start();
        count.add(new Object[0]);
        count.add(new Object[0]);
        assertThat(count.result()).isEqualTo(2L);
        assertThat(agg("count").start().result()).isEqualTo(0L);
    }

    @Test
    void stringAggSkipsNullValues() {
        AggregateFunction f = agg("string_agg", TEXT, TEXT);
        assertThat(f.acceptsNulls()).isTrue();
        AggregateFunction.Accumulator acc = f.start();
        acc.add(new Object[]{"a", ","});
        acc.add(new Object[]{null, ","});
        acc.add(new Object[]{"b", ";"});
        acc.add(new Object[]{"c", null});
        assertThat(acc.result()).isEqualTo("a;bc");
        assertThat(f.start().result()).isNull();
    }

    @Test
    void varianceAndBitAggregates() {
        String[] xs = {"1.5", "2.25", "7", "10"};
        assertThat(run("variance", NUMERIC, xs)).isEqualTo("16.2239583333333333");
        assertThat(run("stddev", NUMERIC, xs)).isEqualTo("4.0278975077989923");
        assertThat(run("var_pop", NUMERIC, xs)).isEqualTo("12.1679687500000000");
        assertThat(run("stddev_pop", NUMERIC, xs)).isEqualTo("3.4882615655939564");
        assertThat(run("variance", FLOAT8, xs)).isEqualTo("16.223958333333332");
        assertThat(run("stddev", FLOAT8, xs)).isEqualTo("4.0278975077989925");
        assertThat(run("var_pop", FLOAT4, xs)).isEqualTo("12.16796875");
        assertThat(run("variance", INT4, "2", "2", "7", "10")).isEqualTo("15.5833333333333333");
        assertThat(run("stddev", INT8, "2", "2", "7", "10")).isEqualTo("3.9475730941090037");
        assertThat(run("variance", NUMERIC, "1")).isNull();
        assertThat(run("stddev", NUMERIC, "3", "3")).isEqualTo("0");
        assertThat(run("stddev", FLOAT8, "3", "3")).isEqualTo("0");
        assertThat(run("bit_and", INT4, "2", "2", "7", "10")).isEqualTo("2");
        assertThat(run("bit_or", INT4, "2", "2", "7", "10")).isEqualTo("15");
        assertThat(run("bit_xor", INT4, "2", "2", "7", "10")).isEqualTo("13");
    }
}
