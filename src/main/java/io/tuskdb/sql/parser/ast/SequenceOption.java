package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * One option of CREATE/ALTER SEQUENCE or an identity column, as PostgreSQL's DefElem: {@code name} is one of
 * {@code as, increment, minvalue, maxvalue, start, restart, cache, cycle, owned_by, sequence_name}.
 *
 * @param value   the number as written with its sign ({@code "-1"}), "true"/"false" for cycle, or null
 *                (NO MINVALUE, NO MAXVALUE, RESTART without value)
 * @param type    for {@code as}
 * @param names   for {@code owned_by} (["none"] for OWNED BY NONE) and {@code sequence_name}
 */
public record SequenceOption(String name, String value, TypeName type, List<String> names) {
    public SequenceOption {
        names = names == null ? null : List.copyOf(names);
    }
}
