package io.tuskdb.sql.functions;

import java.util.List;
import java.util.Map;

/** The registry of built-in functions, operators and aggregates, looked up by (lower-case) name or symbol. */
public final class Builtins {
    private Builtins() {
    }

    private static final Map<String, List<Operator>> OPERATORS;
    private static final Map<String, List<ScalarFunction>> FUNCTIONS;
    private static final Map<String, List<AggregateFunction>> AGGREGATES;

    static {
        Registry r = new Registry();
        ArithmeticOperators.register(r);
        ComparisonOperators.register(r);
        TextOperators.register(r);
        DateTimeOperators.register(r);
        StringFunctions.register(r);
        RegexFunctions.register(r);
        EncodingFunctions.register(r);
        MathFunctions.register(r);
        MathExtras.register(r);
        DateTimeFunctions.register(r);
        DateTimeConstructors.register(r);
        SystemFunctions.register(r);
        Aggregates.register(r);
        OPERATORS = Registry.freeze(r.operators);
        FUNCTIONS = Registry.freeze(r.functions);
        AGGREGATES = Registry.freeze(r.aggregates);
    }

    /** All overloads of a scalar function; empty when none exist. */
    public static List<ScalarFunction> functions(String name) {
        return FUNCTIONS.getOrDefault(name, List.of());
    }

    /** All operators with this symbol: infix ones and prefix ones (null left type). */
    public static List<Operator> operators(String symbol) {
        return OPERATORS.getOrDefault(symbol, List.of());
    }

    /** All overloads of an aggregate; empty when none exist. */
    public static List<AggregateFunction> aggregates(String name) {
        return AGGREGATES.getOrDefault(name, List.of());
    }
}
