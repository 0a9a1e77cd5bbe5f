package io.tuskdb.sql.planner;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.BoundQuery;
import io.tuskdb.types.Casts;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TypeIO;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN's text format (explain.c): PostgreSQL's node names and indentation, conditions deparsed as
 * ruleutils.c prints them. Costs are not estimated, so they are never printed.
 */
public final class Explain {
    private final List<String> lines = new ArrayList<>();
    private final boolean qualify;

    private Explain(boolean qualify) {
        this.qualify = qualify;
    }

    public static List<String> explain(PlanNode plan) {
        Explain e = new Explain(countRelations(plan) > 1);
        e.node(plan, 0, List.of());
        return e.lines;
    }

    private static int countRelations(PlanNode n) {
        return switch (n) {
            case PlanNode.Scan s -> 1;
            case PlanNode.Values v -> 1;
            case PlanNode.Result r -> 0;
            case PlanNode.Series s -> 1;
            case PlanNode.Filter f -> countRelations(f.input());
            case PlanNode.Project p -> countRelations(p.input());
            case PlanNode.NestedLoop j -> countRelations(j.left()) + countRelations(j.right());
            case PlanNode.HashJoin j -> countRelations(j.left()) + countRelations(j.right());
            case PlanNode.Aggregate a -> countRelations(a.input());
            case PlanNode.WindowAgg w -> countRelations(w.input());
            case PlanNode.ProjectSet p -> countRelations(p.input());
            case PlanNode.Sort s -> countRelations(s.input());
            case PlanNode.Distinct d -> countRelations(d.input());
            case PlanNode.Limit l -> countRelations(l.input());
            case PlanNode.SetOp s -> countRelations(s.left()) + countRelations(s.right());
            case PlanNode.Insert i -> 1 + countRelations(i.source());
            case PlanNode.Update u -> u.joined() == null ? 1 : countRelations(u.joined());
            case PlanNode.Delete d -> d.joined() == null ? 1 : countRelations(d.joined());
        };
    }

    private void line(int depth, boolean nodeLine, String text) {
        String indent;
        if (nodeLine) {
            indent = depth == 0 ? "" : " ".repeat(6 * (depth - 1) + 2) + "->  ";
        } else {
            indent = " ".repeat(6 * depth + 2);
        }
        lines.add(indent + text);
    }

    /** Prints a node and returns the labels of its output columns (for deparsing the parent's expressions). */
    private List<String> node(PlanNode n, int depth, List<String> extraFilters) {
        switch (n) {
            case PlanNode.Filter f -> {
                // a Filter node is shown as its input's "Filter:" line, as PostgreSQL attaches quals to nodes
                // quals shown on a scan are not table-qualified (explain.c show_scan_qual), others are
                List<String> labels = f.input() instanceof PlanNode.Scan s
                        ? tableLabels(s.table(), s.alias(), false) : labelsOf(f.input());
                List<String> filters = new ArrayList<>(extraFilters);
                filters.add(deparse(f.condition(), labels));
                return node(f.input(), depth, filters);
            }
            case PlanNode.Project p -> {
                List<String> in = node(p.input(), depth, extraFilters);
                List<String> out = new ArrayList<>();
                for (BoundExpr e : p.exprs()) {
                    out.add(deparse(e, in));
                }
                return out;
            }
            default -> {
            }
        }
        List<String> labels = labelsOf(n);
        switch (n) {
            case PlanNode.Series s -> {
                line(depth, true, "Function Scan on generate_series" + (s.alias().equals("generate_series") ? ""
                        : " " + s.alias()));
                filters(depth, extraFilters);
            }
            case PlanNode.Result r -> {
                line(depth, true, "Result");
                for (String f : extraFilters) {
                    line(depth, false, "One-Time Filter: " + f);
                }
            }
            case PlanNode.Values v -> {
                line(depth, true, v.rows().size() == 1 ? "Result" : "Values Scan on \"*VALUES*\"");
                filters(depth, extraFilters);
            }
            case PlanNode.Scan s -> {
                scanLines(depth, s.table(), s.alias(), s.keys(), s.filter(), tableLabels(s.table(), s.alias(), false));
                filters(depth, extraFilters);
            }
            case PlanNode.NestedLoop j -> {
                line(depth, true, "Nested Loop" + joinSuffix(j.kind()));
                if (j.condition() != null) {
                    line(depth, false, "Join Filter: " + deparse(j.condition(), labels));
                }
                filters(depth, extraFilters);
                node(j.left(), depth + 1, List.of());
                node(j.right(), depth + 1, List.of());
            }
            case PlanNode.HashJoin j -> {
                line(depth, true, "Hash" + (j.kind() == BoundQuery.JoinKind.INNER || j.kind() == BoundQuery.JoinKind.CROSS
                        ? " Join" : joinSuffix(j.kind())));
                List<String> l = labelsOf(j.left());
                List<String> r = labelsOf(j.right());
                StringBuilder cond = new StringBuilder();
                for (int i = 0; i < j.leftKeys().size(); i++) {
                    String c = "(" + deparse(j.leftKeys().get(i), l) + " = " + deparse(j.rightKeys().get(i), r) + ")";
                    cond.append(i > 0 ? " AND " : "").append(c);
                }
                line(depth, false, "Hash Cond: " + (j.leftKeys().size() > 1 ? "(" + cond + ")" : cond));
                if (j.residual() != null) {
                    line(depth, false, "Join Filter: " + deparse(j.residual(), labels));
                }
                filters(depth, extraFilters);
                node(j.left(), depth + 1, List.of());
                line(depth + 1, true, "Hash");
                node(j.right(), depth + 2, List.of());
            }
            case PlanNode.Aggregate a -> {
                List<String> in = labelsOf(a.input());
                line(depth, true, a.groupKeys().isEmpty() ? "Aggregate" : "HashAggregate");
                if (!a.groupKeys().isEmpty()) {
                    List<String> keys = new ArrayList<>();
                    for (BoundExpr k : a.groupKeys()) {
                        keys.add(deparse(k, in));
                    }
                    line(depth, false, "Group Key: " + String.join(", ", keys));
                }
                filters(depth, extraFilters);
                node(a.input(), depth + 1, List.of());
            }
            case PlanNode.Sort s -> {
                line(depth, true, "Sort");
                List<String> in = labelsOf(s.input());
                List<String> keys = new ArrayList<>();
                for (BoundQuery.SortKey k : s.keys()) {
                    String label = in.get(k.index());
                    if (!label.matches("[a-z_][a-z0-9_$]*(\\.[a-z_][a-z0-9_$]*)?")) {
                        label = "(" + label + ")";
                    }
                    if (k.descending()) {
                        label += " DESC";
                        if (!k.nullsFirst()) {
                            label += " NULLS LAST";
                        }
                    } else if (k.nullsFirst()) {
                        label += " NULLS FIRST";
                    }
                    keys.add(label);
                }
                line(depth, false, "Sort Key: " + String.join(", ", keys));
                node(s.input(), depth + 1, List.of());
            }
            case PlanNode.Distinct d when d.keys() != null -> {
                line(depth, true, "Unique");
                node(d.input(), depth + 1, List.of());
            }
            case PlanNode.Distinct d -> {
                line(depth, true, "HashAggregate");
                line(depth, false, "Group Key: " + String.join(", ", labelsOf(d.input())));
                node(d.input(), depth + 1, List.of());
            }
            case PlanNode.ProjectSet p -> {
                line(depth, true, "ProjectSet");
                node(p.input(), depth + 1, List.of());
            }
            case PlanNode.WindowAgg w -> {
                line(depth, true, "WindowAgg");
                node(w.input(), depth + 1, List.of());
            }
            case PlanNode.Limit l -> {
                line(depth, true, "Limit");
                node(l.input(), depth + 1, List.of());
            }
            case PlanNode.SetOp s -> {
                String name = switch (s.kind()) {
                    case UNION -> s.all() ? "Append" : "HashAggregate";
                    case INTERSECT -> "HashSetOp Intersect" + (s.all() ? " All" : "");
                    case EXCEPT -> "HashSetOp Except" + (s.all() ? " All" : "");
                };
                line(depth, true, name);
                node(s.left(), depth + 1, List.of());
                node(s.right(), depth + 1, List.of());
            }
            case PlanNode.Insert i -> {
                line(depth, true, "Insert on " + i.table().name());
                if (i.onConflict() != null) {
                    line(depth, false, "Conflict Resolution: " + (i.onConflict().doNothing() ? "NOTHING" : "UPDATE"));
                    if (i.table().primaryKeyName() != null) {
                        line(depth, false, "Conflict Arbiter Indexes: " + i.table().primaryKeyName());
                    }
                }
                node(i.source(), depth + 1, List.of());
            }
            case PlanNode.Update u -> {
                line(depth, true, "Update on " + u.table().name() + alias(u.table(), u.alias()));
                if (u.joined() != null) {
                    node(u.joined(), depth + 1, List.of());
                } else {
                    scanLines(depth + 1, u.table(), u.alias(), u.keys(), u.filter(),
                            tableLabels(u.table(), u.alias(), false));
                }
            }
            case PlanNode.Delete d -> {
                line(depth, true, "Delete on " + d.table().name() + alias(d.table(), d.alias()));
                if (d.joined() != null) {
                    node(d.joined(), depth + 1, List.of());
                } else {
                    scanLines(depth + 1, d.table(), d.alias(), d.keys(), d.filter(),
                            tableLabels(d.table(), d.alias(), false));
                }
            }
            case PlanNode.Filter f -> throw new IllegalStateException();
            case PlanNode.Project p -> throw new IllegalStateException();
        }
        return labels;
    }

    private void filters(int depth, List<String> filters) {
        for (String f : filters) {
            line(depth, false, "Filter: " + f);
        }
    }

    private static String alias(TableDescriptor t, String alias) {
        return alias == null || alias.equals(t.name()) ? "" : " " + alias;
    }

    private void scanLines(int depth, TableDescriptor t, String alias, PlanNode.KeyAccess keys, BoundExpr filter,
                           List<String> labels) {
        if (keys == null) {
            line(depth, true, "Seq Scan on " + t.name() + alias(t, alias));
        } else {
            line(depth, true, "Index Scan using " + t.primaryKeyName() + " on " + t.name() + alias(t, alias));
            line(depth, false, "Index Cond: " + deparse(keys.condition(), labels));
        }
        if (filter != null) {
            line(depth, false, "Filter: " + deparse(filter, labels));
        }
    }

    private static String joinSuffix(BoundQuery.JoinKind kind) {
        return switch (kind) {
            case INNER, CROSS -> "";
            case LEFT -> " Left Join";
            case RIGHT -> " Right Join";
            case FULL -> " Full Join";
        };
    }

    private List<String> labelsOf(PlanNode n) {
        return switch (n) {
            case PlanNode.Scan s -> tableLabels(s.table(), s.alias());
            case PlanNode.Update u -> tableLabels(u.table(), u.alias());
            case PlanNode.Delete d -> tableLabels(d.table(), d.alias());
            case PlanNode.Values v -> {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < (v.rows().isEmpty() ? 0 : v.rows().get(0).size()); i++) {
                    out.add("\"*VALUES*\".column" + (i + 1));
                }
                yield out;
            }
            case PlanNode.Result r -> List.of();
            case PlanNode.Series s -> List.of(s.alias());
            case PlanNode.Filter f -> labelsOf(f.input());
            case PlanNode.Project p -> {
                List<String> in = labelsOf(p.input());
                List<String> out = new ArrayList<>();
                for (BoundExpr e : p.exprs()) {
                    out.add(deparse(e, in));
                }
                yield out;
            }
            case PlanNode.NestedLoop j -> concat(labelsOf(j.left()), labelsOf(j.right()));
            case PlanNode.HashJoin j -> concat(labelsOf(j.left()), labelsOf(j.right()));
            case PlanNode.Aggregate a -> {
                List<String> in = labelsOf(a.input());
                List<String> out = new ArrayList<>();
                for (BoundExpr k : a.groupKeys()) {
                    out.add(deparse(k, in));
                }
                for (BoundExpr.Aggregate agg : a.aggregates()) {
                    StringBuilder sb = new StringBuilder(agg.function().name()).append('(');
                    if (agg.args().isEmpty()) {
                        sb.append('*');
                    }
                    if (agg.distinct()) {
                        sb.append("DISTINCT ");
                    }
                    for (int i = 0; i < agg.args().size(); i++) {
                        sb.append(i > 0 ? ", " : "").append(deparse(agg.args().get(i), in));
                    }
                    out.add(sb.append(')').toString());
                }
                yield out;
            }
            case PlanNode.Sort s -> labelsOf(s.input());
            case PlanNode.ProjectSet p -> {
                List<String> out = new ArrayList<>(labelsOf(p.input()));
                p.functions().forEach(f -> out.add("generate_series(...)"));
                yield out;
            }
            case PlanNode.WindowAgg w -> {
                List<String> out = new ArrayList<>(labelsOf(w.input()));
                for (BoundQuery.Window win : w.windows()) {
                    out.add((win.aggregate() == null ? win.kind().name().toLowerCase() : win.aggregate().name())
                            + "(...) OVER (...)");
                }
                yield out;
            }
            case PlanNode.Distinct d -> labelsOf(d.input());
            case PlanNode.Limit l -> labelsOf(l.input());
            case PlanNode.SetOp s -> labelsOf(s.left());
            case PlanNode.Insert i -> List.of();
        };
    }

 private List<String> tableLabels(TableDescriptor t, String alias) {
        return tableLabels(t, alias, qualify);
    }

    private static List<String> tableLabels(TableDescriptor t, String alias, boolean qualify) {
        List<String> out = new ArrayList<>();
        String prefix = qualify ? (alias == null ? t.name() : alias) + "." : "";
        for (var c : t.columns()) {
            out.add(prefix + c.name());
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** ruleutils.c-style text of an expression over input columns labelled {@code labels}. */
    static String deparse(BoundExpr e, List<String> labels) {
        return switch (e) {
            case BoundExpr.Column c -> c.slot() < labels.size() ? labels.get(c.slot()) : c.name();
            case BoundExpr.OuterColumn c -> c.name();
            case BoundExpr.Const c -> constant(c.value(), c.type(), c.typmod());
            case BoundExpr.Param p -> "$" + (p.index() + 1);
            case BoundExpr.OpCall o -> o.left() == null ? "(" + o.operator().symbol() + " " + deparse(o.right(), labels) + ")"
                    : "(" + deparse(o.left(), labels) + " " + o.operator().symbol() + " " + deparse(o.right(), labels) + ")";
            case BoundExpr.FuncCall f -> f.function().name() + "(" + list(f.args(), labels) + ")";
            case BoundExpr.Special s -> s.function().name();
            case BoundExpr.Cast c -> "(" + deparse(c.arg(), labels) + ")::" + Casts.formatType(c.type(), c.typmod());
            case BoundExpr.And a -> "(" + join(a.args(), " AND ", labels) + ")";
            case BoundExpr.Or o -> "(" + join(o.args(), " OR ", labels) + ")";
            case BoundExpr.Not n -> "(NOT " + deparse(n.arg(), labels) + ")";
            case BoundExpr.IsNull n -> "(" + deparse(n.arg(), labels) + (n.negated() ? " IS NOT NULL)" : " IS NULL)");
            case BoundExpr.BoolTest b -> "(" + deparse(b.arg(), labels) + " IS " + (b.negated() ? "NOT " : "")
                    + (b.value() == null ? "UNKNOWN" : b.value() ? "TRUE" : "FALSE") + ")";
            case BoundExpr.DistinctFrom d -> "(" + deparse(d.left(), labels) + " IS " + (d.negated() ? "NOT " : "")
                    + "DISTINCT FROM " + deparse(d.right(), labels) + ")";
            case BoundExpr.Case c -> {
                StringBuilder sb = new StringBuilder("CASE");
                for (BoundExpr.When w : c.whens()) {
                    sb.append(" WHEN ").append(deparse(w.condition(), labels)).append(" THEN ")
                            .append(deparse(w.result(), labels));
                }
                if (c.otherwise() != null) {
                    sb.append(" ELSE ").append(deparse(c.otherwise(), labels));
                }
                yield sb.append(" END").toString();
            }
            case BoundExpr.Coalesce c -> "COALESCE(" + list(c.args(), labels) + ")";
            case BoundExpr.NullIf n -> "NULLIF(" + deparse(n.left(), labels) + ", " + deparse(n.right(), labels) + ")";
            case BoundExpr.MinMax m -> (m.greatest() ? "GREATEST(" : "LEAST(") + list(m.args(), labels) + ")";
            case BoundExpr.InList in -> {
                boolean consts = in.items().stream().allMatch(i -> i instanceof BoundExpr.Const c && c.value() != null);
                String array;
                if (consts) {
                    StringBuilder sb = new StringBuilder("'{");
                    for (int i = 0; i < in.items().size(); i++) {
                        BoundExpr.Const c = (BoundExpr.Const) in.items().get(i);
                        sb.append(i > 0 ? "," : "").append(TypeIO.toText(c.type(), c.value(), FormatSettings.DEFAULT));
                    }
                    array = sb.append("}'::").append(Casts.formatType(in.arg().type(), -1)).append("[]").toString();
                } else {
                    array = "ARRAY[" + list(in.items(), labels) + "]";
                }
                yield "(" + deparse(in.arg(), labels) + (in.negated() ? " <> ALL (" : " = ANY (") + array + "))";
            }
            case BoundExpr.Like l -> "(" + deparse(l.arg(), labels) + " " + (l.negated() ? "!" : "")
                    + (l.caseInsensitive() ? "~~* " : "~~ ") + deparse(l.pattern(), labels) + ")";
            case BoundExpr.ScalarSubquery s -> "(SubPlan)";
            case BoundExpr.Exists x -> (x.negated() ? "(NOT " : "(") + "EXISTS(SubPlan))";
            case BoundExpr.InSubquery in -> "(hashed SubPlan)";
            case BoundExpr.Aggregate a -> a.function().name() + "(...)";
        };
    }

    private static String list(List<BoundExpr> args, List<String> labels) {
        return join(args, ", ", labels);
    }

    private static String join(List<BoundExpr> args, String sep, List<String> labels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? sep : "").append(deparse(args.get(i), labels));
        }
        return sb.toString();
    }

    private static String constant(Object v, PgType type, int typmod) {
        if (v == null) {
            return "NULL::" + Casts.formatType(type == PgType.UNKNOWN ? PgType.TEXT : type, typmod);
        }
        switch (type) {
            case INT4 -> {
                if ((Integer) v >= 0) {
                    return v.toString();
                }
            }
            case NUMERIC -> {
                if (v instanceof BigDecimal d && d.signum() >= 0) {
                    return d.toPlainString();
                }
            }
            case BOOL -> {
                return v.toString();
            }
            default -> {
            }
        }
        if (type == PgType.UNKNOWN) {
            return quote(v.toString()) + "::text";
        }
        return quote(TypeIO.toText(type, v, FormatSettings.DEFAULT)) + "::" + Casts.formatType(type, typmod);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
