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

    /** PostgreSQL's FUNC_MAX_ARGS: the most arguments a call can pass. */
    static final int MAX_ARGUMENTS = 100;

    /**
     * A VARIADIC function: the fixed arguments, then any number of {@code variadic} ones. A null {@code variadic}
     * is VARIADIC "any" (concat, format), which {@link ScalarFunction#variadicType()} cannot express (null there
     * means "not variadic"): it is registered as one overload per count of "any" arguments, from one up to
     * {@link #MAX_ARGUMENTS}.
     */
    void variadic(String name, PgType result, boolean strict, Volatility volatility, PgType variadic,
                  BuiltinFunction.Body body, PgType... args) {
        if (variadic != null) {
            add(new BuiltinFunction(name, Arrays.asList(args), variadic, result, strict, volatility, body));
            return;
        }
        for (int extra = 1; args.length + extra <= MAX_ARGUMENTS; extra++) {
            PgType[] all = Arrays.copyOf(args, args.length + extra);
            add(new BuiltinFunction(name, Arrays.asList(all), null, result, strict, volatility, body));
        }
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
