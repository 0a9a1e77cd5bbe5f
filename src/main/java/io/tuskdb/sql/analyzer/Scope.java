package io.tuskdb.sql.analyzer;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.ArrayList;
import java.util.List;

/**
 * The names visible to an expression: the FROM clause's range entries (each a slice of the FROM row), the merged
 * columns of JOIN ... USING, and the enclosing query's scope for subqueries (parse_relation.c).
 */
final class Scope {
    /** One FROM item: an alias naming a slice [offset, offset + columns) of the FROM row. */
    record Entry(String alias, String tableName, List<BoundExpr.Column> columns, int[] primaryKey) {
        Entry(String alias, String tableName, List<BoundExpr.Column> columns) {
            this(alias, tableName, columns, new int[0]);
        }

        BoundExpr.Column column(String name) {
            for (BoundExpr.Column c : columns) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A column of the FROM clause as {@code *} expands it. */
    record StarColumn(String name, BoundExpr expr) {
    }

    record Merged(String name, BoundExpr expr) {
    }

    /** A WITH query visible here, analysed where it is referenced, in the scope it was defined in. */
    record Cte(io.tuskdb.sql.parser.ast.WithClause.CommonTableExpr definition, Scope definedIn) {
    }

    final Scope parent;
    Cte cte;
    /** Set on the scope of a grouped query: its rows are groups, which correlated subqueries cannot read yet. */
    boolean grouped;
    /** Counts outer references resolved through this scope chain (shared by the whole statement). */
    int[] outerReferences = new int[1];
    final List<Entry> entries = new ArrayList<>();
    final List<Merged> merged = new ArrayList<>();
    List<StarColumn> star = new ArrayList<>();

    Scope(Scope parent) {
        this.parent = parent;
        if (parent != null) {
            this.outerReferences = parent.outerReferences;
        }
    }

    Cte findCte(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.cte != null && s.cte.definition().name().equals(name)) {
                return s.cte;
            }
        }
        return null;
    }

    Entry entry(String alias) {
        for (Entry e : entries) {
            if (e.alias().equals(alias)) {
                return e;
            }
        }
        return null;
    }

    /** Resolves a column reference of one, two or three names. */
    BoundExpr resolve(List<String> names, int position) {
        BoundExpr found = resolveLocal(names, position);
        if (found != null) {
            return found;
        }
        int levels = 0;
        for (Scope s = parent; s != null; s = s.parent) {
            if (s.cte != null) {
                continue; // a WITH query's definition is no query level
            }
            levels++;
            BoundExpr outer = s.resolveLocal(names, position);
            if (outer != null) {
                if (!(outer instanceof BoundExpr.Column c) || s.grouped) {
                    throw Errors.featureNotSupported("this outer reference in a correlated subquery")
                            .withPosition(position);
                }
                outerReferences[0]++;
                return new BoundExpr.OuterColumn(levels, c.slot(), c.type(), c.typmod(), c.name());
            }
        }
        if (names.size() == 1) {
            PgException e = Errors.undefinedColumn(names.get(0), position);
            String hint = fuzzyHint(names.get(0));
            throw hint == null ? e : e.withHint(hint);
        }
        String qualifier = names.get(names.size() - 2);
        if (entry(qualifier) == null && !inParents(qualifier)) {
            throw missingFromEntry(qualifier, position);
        }
        throw new PgException(SqlState.UNDEFINED_COLUMN, "column " + String.join(".", names.subList(names.size() - 2,
                names.size())) + " does not exist").withPosition(position);
    }

    /**
     * errorMissingColumn's hint: the column (or two columns of different FROM items) closest by Levenshtein
     * distance, if no more than half its characters differ (parse_relation.c updateFuzzyAttrMatchState).
     */
    private String fuzzyHint(String name) {
        int best = 4;
        String first = null;
        String second = null;
        Entry firstEntry = null;
        for (Entry e : entries) {
            for (BoundExpr.Column c : e.columns()) {
                int d = levenshtein(name, c.name());
                if (d > c.name().length() / 2) {
                    continue;
                }
                String label = "\"" + e.alias() + "." + c.name() + "\"";
                if (d < best) {
                    best = d;
                    first = label;
                    firstEntry = e;
                    second = null;
                } else if (d == best && first != null) {
                    if (second != null || firstEntry == e) {
                        first = null;
                        second = null;
                        best = d - 1;
                    } else {
                        second = label;
                    }
                }
            }
        }
        if (first == null) {
            return null;
        }
        return second == null ? "Perhaps you meant to reference the column " + first + "."
                : "Perhaps you meant to reference the column " + first + " or the column " + second + ".";
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private boolean inParents(String alias) {
        for (Scope s = parent; s != null; s = s.parent) {
            if (s.entry(alias) != null) {
                return true;
            }
        }
        return false;
    }

    PgException missingFromEntry(String qualifier, int position) {
        for (Entry e : entries) {
            if (qualifier.equals(e.tableName())) {
                return new PgException(SqlState.UNDEFINED_TABLE,
                        "invalid reference to FROM-clause entry for table \"" + qualifier + "\"")
                        .withHint("Perhaps you meant to reference the table alias \"" + e.alias() + "\".")
                        .withPosition(position);
            }
        }
        return new PgException(SqlState.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + qualifier + "\"")
                .withPosition(position);
    }

    private BoundExpr resolveLocal(List<String> names, int position) {
        if (names.size() == 1) {
            String name = names.get(0);
            for (Merged m : merged) {
                if (m.name().equals(name)) {
                    return m.expr();
                }
            }
            BoundExpr result = null;
            for (Entry e : entries) {
                BoundExpr.Column c = e.column(name);
                if (c != null) {
                    if (result != null) {
                        throw new PgException(SqlState.AMBIGUOUS_COLUMN, "column reference \"" + name + "\" is ambiguous")
                                .withPosition(position);
                    }
                    result = c;
                }
            }
            return result;
        }
        if (names.size() > 3) {
            throw new PgException(SqlState.SYNTAX_ERROR, "improper qualified name (too many dotted names): "
                    + String.join(".", names)).withPosition(position);
        }
        Entry e = entry(names.get(names.size() - 2));
        return e == null ? null : e.column(names.get(names.size() - 1));
    }
}
