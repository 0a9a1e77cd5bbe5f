package io.tuskdb.sql.functions;

import java.util.List;

/** The registry of built-in functions, operators and aggregates, looked up by (lower-case) name or symbol. */
public final class Builtins {
    private Builtins() {
    }

    /** All overloads of a scalar function; empty when none exist. */
    public static List<ScalarFunction> functions(String name) {
        return List.of();
    }

    /** All operators with this symbol: infix ones and prefix ones (null left type). */
    public static List<Operator> operators(String symbol) {
        return List.of();
    }

    /** All overloads of an aggregate; empty when none exist. */
    public static List<AggregateFunction> aggregates(String name) {
        return List.of();
    }
}
