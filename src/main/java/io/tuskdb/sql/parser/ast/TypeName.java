package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * A type as written, with the SQL-standard spellings already mapped to PostgreSQL's internal names as gram.y does
 * ({@code integer} becomes {@code pg_catalog.int4}, {@code varchar(10)} {@code pg_catalog.varchar} with modifier 10).
 * Names gram.y qualifies with {@code pg_catalog} (SystemTypeName) keep that qualification; names written by the
 * user ({@code text}, {@code int4}, {@code date}) stay as written and are looked up through search_path.
 *
 * @param names         the (possibly qualified) type name, case-folded
 * @param modifiers     type modifiers ({@code numeric(10,2)}): usually {@link Expr.IntegerLiteral}s
 * @param arrayBounds   number of array dimensions ({@code int[]} is 1; declared sizes are ignored as in PostgreSQL)
 * @param intervalFields for INTERVAL: the field qualifier as written in canonical form ({@code "DAY TO SECOND"}),
 *                      else null; an interval second precision is in {@code modifiers}
 * @param position      1-based position of the type name in the query string
 */
public record TypeName(List<String> names, List<Expr> modifiers, int arrayBounds, String intervalFields, int position) {

    public TypeName {
        names = List.copyOf(names);
        modifiers = List.copyOf(modifiers);
    }

    /** The unqualified type name. */
    public String name() {
        return names.get(names.size() - 1);
    }

    /** The schema the name was qualified with, or null. */
    public String schema() {
        return names.size() > 1 ? names.get(names.size() - 2) : null;
    }

    /** True when gram.y qualified the name (a SQL-standard spelling such as {@code integer} or {@code boolean}). */
    public boolean isSystemTypeName() {
        return names.size() == 2 && names.get(0).equals("pg_catalog");
    }

    public static TypeName system(String name, List<Expr> modifiers, int position) {
        return new TypeName(List.of("pg_catalog", name), modifiers, 0, null, position);
    }

    public TypeName withArrayBounds(int bounds) {
        return new TypeName(names, modifiers, bounds, intervalFields, position);
    }
}
