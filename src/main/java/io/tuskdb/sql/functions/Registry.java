package io.tuskdb.sql.functions;

import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Collects the built-ins while {@link Builtins} is initialised; read-only afterwards. */
final class Registry {
    final Map<String, List<Operator>> operators = new HashMap<>();
    final Map<String, List<ScalarFunction>> functions = new HashMap<>();
    final Map<String, List<AggregateFunction>> aggregates = new HashMap<>();

    void op(String symbol, PgType left, PgType right, PgType result, BuiltinOperator.Body body) {
        operators.computeIfAbsent(symbol, k -> new ArrayList<>()).add(new BuiltinOperator(symbol, left, right, result, body));
    }

    /** A strict function. */
    void fn(String name, PgType result, Volatility volatility, BuiltinFunction.Body body, PgType... args) {
        add(new BuiltinFunction(name, List.of(args), null, result, true, volatility, body));
    }

    /** A function called with null arguments too. */
    void fnNullable(String name, PgType result, Volatility volatility, BuiltinFunction.Body body, PgType... args) {
        add(new BuiltinFunction(name, Arrays.asList(args), null, result, false, volatility, body));
    }

    /** A VARIADIC function: the fixed arguments, then any number of {@code variadic} ones. */
    void variadic(String name, PgType result, boolean strict, Volatility volatility, PgType variadic,
                  BuiltinFunction.Body body, PgType... args) {
        add(new BuiltinFunction(name, Arrays.asList(args), variadic, result, strict, volatility, body));
    }

    void add(ScalarFunction f) {
        functions.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
    }

    void agg(String name, PgType result, boolean acceptsNulls, Supplier<AggregateFunction.Accumulator> factory,
             PgType... args) {
        aggregates.computeIfAbsent(name, k -> new ArrayList<>())
                .add(new BuiltinAggregate(name, Arrays.asList(args), result, acceptsNulls, factory));
    }

    static <K, V> Map<K, List<V>> freeze(Map<K, List<V>> map) {
        Map<K, List<V>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Map.copyOf(frozen);
    }
}
