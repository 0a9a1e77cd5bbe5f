package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code AS name (col, ...)}: a correlation name with optional column aliases (empty list when none). */
public record Alias(String name, List<String> columns) {
    public Alias {
        columns = List.copyOf(columns);
    }

    public static Alias of(String name) {
        return new Alias(name, List.of());
    }
}
