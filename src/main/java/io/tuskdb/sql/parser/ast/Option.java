package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * A generic option (PostgreSQL's DefElem) of COPY and EXPLAIN: lower-case name, and a value that is either absent
 * (null), a single word or string ({@code value}), or a column list ({@code list}, for FORCE_QUOTE etc.;
 * {@code ["*"]} for {@code *}).
 */
public record Option(String name, String value, List<String> list) {

    public Option {
        list = list == null ? null : List.copyOf(list);
    }

    public static Option of(String name, String value) {
        return new Option(name, value, null);
    }
}
