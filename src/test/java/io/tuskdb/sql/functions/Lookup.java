package io.tuskdb.sql.functions;

import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TypeIO;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Finds built-ins by exact signature and converts literals, for the tests. */
final class Lookup {
    private Lookup() {
    }

    static Operator op(String symbol, PgType left, PgType right) {
        return Builtins.operators(symbol).stream()
                .filter(o -> o.leftType() == left && o.rightType() == right)
                .findFirst().orElseThrow(() -> new AssertionError("no operator " + left + " " + symbol + " " + right));
    }

    static ScalarFunction fn(String name, PgType... args) {
        List<PgType> wanted = Arrays.asList(args);
        return Builtins.functions(name).stream()
                .filter(f -> Objects.equals(f.argumentTypes(), wanted))
                .findFirst().orElseThrow(() -> new AssertionError("no function " + name + wanted));
    }

    static AggregateFunction agg(String name, PgType... args) {
        List<PgType> wanted = Arrays.asList(args);
        return Builtins.aggregates(name).stream()
                .filter(f -> Objects.equals(f.argumentTypes(), wanted))
                .findFirst().orElseThrow(() -> new AssertionError("no aggregate " + name + wanted));
    }

    static Object v(PgType type, String literal) {
        return TypeIO.fromText(type, literal, FormatSettings.DEFAULT);
    }

    static String text(PgType type, Object value) {
        return value == null ? null : TypeIO.toText(type, value, FormatSettings.DEFAULT);
    }

    /** Applies a binary operator to two literals and prints the result. */
    static String eval(String left, PgType lt, String symbol, String right, PgType rt) {
        Operator o = op(symbol, lt, rt);
        return text(o.resultType(), o.apply(v(lt, left), v(rt, right)));
    }

    static String call(String name, Object... typeAndLiteral) {
        PgType[] types = new PgType[typeAndLiteral.length / 2];
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = (PgType) typeAndLiteral[2 * i];
            String literal = (String) typeAndLiteral[2 * i + 1];
            values[i] = literal == null ? null : v(types[i], literal);
        }
        ScalarFunction f = fn(name, types);
        return text(f.returnType(), f.call(null, values));
    }
}
