package io.tuskdb.sql.parser.ast;

/** One step of an assignment target path: {@code .field} or {@code [i]} / {@code [lo:hi]}. */
public sealed interface Indirection {

    record Field(String name) implements Indirection {
    }

    record Subscript(Expr lower, Expr upper, boolean slice) implements Indirection {
    }
}
