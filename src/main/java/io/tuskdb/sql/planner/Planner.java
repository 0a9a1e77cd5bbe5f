package io.tuskdb.sql.planner;

import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.BoundQuery;
import io.tuskdb.sql.analyzer.BoundStatement;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns bound queries into physical plans: WHERE conjuncts pushed down to the scans they read (not into the
 * nullable side of an outer join), primary-key ranges chosen per scan, hash joins for equality joins, then
 * aggregation, projection, DISTINCT, sort and limit.
 */
public final class Planner {
    private Planner() {
    }

    public static PlanNode planQuery(BoundQuery query) {
        return switch (query) {
            case BoundQuery.Values v -> new PlanNode.Values(v.rows());
            case BoundQuery.SetOp s -> {
                PlanNode node = new PlanNode.SetOp(s.kind(), s.all(), planQuery(s.left()), planQuery(s.right()),
                        s.columns().stream().map(c -> c.type()).toList());
                yield sortAndLimit(node, s.orderBy(), s.columns().stream().map(c -> c.type()).toList(), s.limit(),
                        s.offset());
            }
            case BoundQuery.Select s -> planSelect(s);
        };
    }

    private static PlanNode planSelect(BoundQuery.Select s) {
        PlanNode node;
        if (s.from() == null) {
            node = new PlanNode.Result();
            if (s.where() != null) {
                node = new PlanNode.Filter(node, s.where());
            }
        } else {
            List<BoundExpr> conjuncts = new ArrayList<>(Exprs.conjuncts(s.where()));
            node = planFrom(s.from(), conjuncts, 0);
            if (!conjuncts.isEmpty()) {
                node = new PlanNode.Filter(node, Exprs.and(conjuncts));
            }
        }
        if (!s.windows().isEmpty()) {
            node = new PlanNode.WindowAgg(node, s.windows());
        }
        if (!s.setReturning().isEmpty()) {
            node = new PlanNode.ProjectSet(node, s.setReturning());
        }
        if (s.grouped() && s.groupBy().isEmpty() && s.aggregates().isEmpty() && s.windows().isEmpty()
                && s.setReturning().isEmpty()) {
            // degenerate grouping (HAVING without GROUP BY or aggregates): one group whatever the input, so
            // PostgreSQL never reads it (create_degenerate_grouping_paths); the WHERE clause is not evaluated
            node = new PlanNode.Result();
            if (s.having() != null) {
                node = new PlanNode.Filter(node, s.having());
            }
        } else if (s.grouped()) {
            node = new PlanNode.Aggregate(node, s.groupBy(), s.aggregates());
            if (s.having() != null) {
                node = new PlanNode.Filter(node, s.having());
            }
        }
        node = new PlanNode.Project(node, s.targets());
        List<PgType> types = s.targets().stream().map(BoundExpr::type).toList();
        if (s.distinctOn() != null) {
            // DISTINCT ON: sort first (ORDER BY, which starts with the DISTINCT ON keys), keep each key's first row
            List<BoundQuery.SortKey> keys = s.orderBy();
            if (keys.isEmpty()) {
                keys = s.distinctOn().stream().map(i -> new BoundQuery.SortKey(i, false, false)).toList();
            }
            node = sortAndLimit(node, keys, types, null, null);
            node = new PlanNode.Distinct(node, s.distinctOn(), s.distinctOn().stream().map(types::get).toList());
            node = sortAndLimit(node, List.of(), types, s.limit(), s.offset());
            return trim(node, s);
        }
        if (s.distinct()) {
            node = new PlanNode.Distinct(node, null, types);
        }
        boolean presorted = !s.grouped() && !s.distinct() && s.from() instanceof BoundQuery.TableRef t
                && inKeyOrder(t, s.orderBy(), s.targets());
        node = sortAndLimit(node, presorted ? List.of() : s.orderBy(), types, s.limit(), s.offset());
        return trim(node, s);
    }

    /** Drops the ORDER BY-only target entries. */
    private static PlanNode trim(PlanNode node, BoundQuery.Select s) {
        int visible = s.columns().size();
        if (s.targets().size() > visible) {
            List<BoundExpr> trim = new ArrayList<>();
            for (int i = 0; i < visible; i++) {
                BoundExpr t = s.targets().get(i);
                trim.add(new BoundExpr.Column(i, t.type(), t.typmod(), "?column?", 0, 0));
            }
            node = new PlanNode.Project(node, trim);
        }
        return node;
    }

    /**
     * Whether ORDER BY asks for ascending primary-key order (a prefix of the key): a scan of the primary index
     * already returns rows that way, IN-list lookups included, so no Sort is needed.
     */
    private static boolean inKeyOrder(BoundQuery.TableRef t, List<BoundQuery.SortKey> keys, List<BoundExpr> targets) {
        int[] pk = t.table().primaryKey();
        if (keys.isEmpty() || keys.size() > pk.length) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            BoundQuery.SortKey k = keys.get(i);
            if (k.descending() || k.nullsFirst() || !(targets.get(k.index()) instanceof BoundExpr.Column c)
                    || c.slot() != pk[i] || c.tableOid() != t.table().oid()) {
                return false;
            }
        }
        return true;
    }

    private static PlanNode sortAndLimit(PlanNode node, List<BoundQuery.SortKey> keys, List<PgType> types,
                                         BoundExpr limit, BoundExpr offset) {
        if (keys != null && !keys.isEmpty()) {
            List<PgType> keyTypes = new ArrayList<>();
            for (BoundQuery.SortKey k : keys) {
                keyTypes.add(types.get(k.index()));
            }
            node = new PlanNode.Sort(node, keys, keyTypes);
        }
        if (limit != null || offset != null) {
            node = new PlanNode.Limit(node, limit, offset);
        }
        return node;
    }

    private static int offsetOf(BoundQuery.From f) {
        return switch (f) {
            case BoundQuery.TableRef t -> t.offset();
            case BoundQuery.SubqueryRef s -> s.offset();
            case BoundQuery.SeriesRef s -> s.offset();
            case BoundQuery.Join j -> offsetOf(j.left());
        };
    }

    /** Takes the conjuncts that read only slots in [from, to) out of {@code pool}. */
    private static List<BoundExpr> take(List<BoundExpr> pool, int from, int to) {
        List<BoundExpr> out = new ArrayList<>();
        pool.removeIf(c -> {
            if (Exprs.hasCorrelatedSubquery(c)) {
                return false;
            }
            BitSet slots = Exprs.slots(c);
            boolean inside = slots.isEmpty() ? false : slots.nextSetBit(0) >= from && slots.length() <= to;
            if (inside) {
                out.add(c);
            }
            return inside;
        });
        return out;
    }

    /**
     * Plans a FROM item whose output row starts at slot {@code base} of the FROM row; takes the conjuncts
     * (FROM-row slots) it can evaluate out of {@code pushable}.
     */
    private static PlanNode planFrom(BoundQuery.From from, List<BoundExpr> pushable, int base) {
        int start = offsetOf(from);
        int end = start + from.width();
        return switch (from) {
            case BoundQuery.TableRef t -> {
                BoundExpr pred = Exprs.shift(Exprs.and(take(pushable, start, end)), -start);
                KeyRangeExtractor.Result r = KeyRangeExtractor.extract(t.table(), pred);
                yield new PlanNode.Scan(t.table(), t.alias(), r.keys(), r.residual(), t.lock());
            }
            case BoundQuery.SeriesRef s -> {
                PlanNode node = new PlanNode.Series(s.args(), s.type(), s.alias());
                BoundExpr pred = Exprs.shift(Exprs.and(take(pushable, start, end)), -start);
                yield pred == null ? node : new PlanNode.Filter(node, pred);
            }
            case BoundQuery.SubqueryRef s -> {
                PlanNode node = planQuery(s.query());
                BoundExpr pred = Exprs.shift(Exprs.and(take(pushable, start, end)), -start);
                yield pred == null ? node : new PlanNode.Filter(node, pred);
            }
            case BoundQuery.Join j -> planJoin(j, pushable, start);
        };
    }

    private static PlanNode planJoin(BoundQuery.Join j, List<BoundExpr> pushable, int start) {
        int leftStart = start;
        int rightStart = start + j.left().width();
        int end = rightStart + j.right().width();
        BoundQuery.JoinKind kind = j.kind();
        List<BoundExpr> on = new ArrayList<>(Exprs.conjuncts(j.condition()));
        List<BoundExpr> leftPool = new ArrayList<>();
        List<BoundExpr> rightPool = new ArrayList<>();
        boolean inner = kind == BoundQuery.JoinKind.INNER || kind == BoundQuery.JoinKind.CROSS;
        if (inner) {
            // WHERE conjuncts over this join's slots behave like ON conditions
            on.addAll(take(pushable, leftStart, end));
            leftPool.addAll(take(on, leftStart, rightStart));
            rightPool.addAll(take(on, rightStart, end));
        } else if (kind == BoundQuery.JoinKind.LEFT) {
            leftPool.addAll(take(pushable, leftStart, rightStart));
            rightPool.addAll(take(on, rightStart, end));
        } else if (kind == BoundQuery.JoinKind.RIGHT) {
            rightPool.addAll(take(pushable, rightStart, end));
            leftPool.addAll(take(on, leftStart, rightStart));
        }
        PlanNode left = planFrom(j.left(), leftPool, leftStart);
        if (!leftPool.isEmpty()) {
            left = new PlanNode.Filter(left, Exprs.shift(Exprs.and(leftPool), -leftStart));
        }
        PlanNode right = planFrom(j.right(), rightPool, rightStart);
        if (!rightPool.isEmpty()) {
            right = new PlanNode.Filter(right, Exprs.shift(Exprs.and(rightPool), -rightStart));
        }
        if (kind == BoundQuery.JoinKind.CROSS && !on.isEmpty()) {
            kind = BoundQuery.JoinKind.INNER;
        }
        // equality conditions between the two sides make a hash join
        List<BoundExpr> leftKeys = new ArrayList<>();
        List<BoundExpr> rightKeys = new ArrayList<>();
        List<BoundExpr> residual = new ArrayList<>();
        for (BoundExpr c : on) {
            if (c instanceof BoundExpr.OpCall op && op.left() != null && op.operator().symbol().equals("=")
                    && op.left().type() == op.right().type() && op.operator().leftType() == op.operator().rightType()) {
                BitSet l = Exprs.slots(op.left());
                BitSet r = Exprs.slots(op.right());
                if (within(l, leftStart, rightStart) && within(r, rightStart, end)) {
                    leftKeys.add(Exprs.shift(op.left(), -leftStart));
                    rightKeys.add(Exprs.shift(op.right(), -rightStart));
                    continue;
                }
                if (within(r, leftStart, rightStart) && within(l, rightStart, end)) {
                    leftKeys.add(Exprs.shift(op.right(), -leftStart));
                    rightKeys.add(Exprs.shift(op.left(), -rightStart));
                    continue;
                }
            }
            residual.add(c);
        }
        int lw = j.left().width();
        int rw = j.right().width();
        if (!leftKeys.isEmpty()) {
            return new PlanNode.HashJoin(kind, left, right, lw, rw, leftKeys, rightKeys,
                    Exprs.shift(Exprs.and(residual), -start));
        }
        return new PlanNode.NestedLoop(kind, left, right, lw, rw, Exprs.shift(Exprs.and(on), -start));
    }

    /** The target joined with UPDATE ... FROM / DELETE ... USING items, filtered by WHERE. */
    private static PlanNode joined(io.tuskdb.catalog.TableDescriptor table, String alias, BoundQuery.From from,
                                   BoundExpr where) {
        BoundQuery.From tree = new BoundQuery.Join(BoundQuery.JoinKind.CROSS,
                new BoundQuery.TableRef(table, alias == null ? table.name() : alias, 0), from, null);
        List<BoundExpr> conjuncts = new ArrayList<>(Exprs.conjuncts(where));
        PlanNode node = planFrom(tree, conjuncts, 0);
        return conjuncts.isEmpty() ? node : new PlanNode.Filter(node, Exprs.and(conjuncts));
    }

    private static boolean within(BitSet slots, int from, int to) {
        return !slots.isEmpty() && slots.nextSetBit(0) >= from && slots.length() <= to;
    }

    /** Plans INSERT / UPDATE / DELETE; null for statements without a plan. */
    public static PlanNode planModify(BoundStatement statement) {
        return switch (statement) {
            case BoundStatement.Insert i -> new PlanNode.Insert(i.table(), planQuery(i.source()), i.onConflict(),
                    i.returning());
            case BoundStatement.Update u when u.from() != null -> new PlanNode.Update(u.table(), u.alias(), null, null,
                    u.assignments(), u.returning(), joined(u.table(), u.alias(), u.from(), u.where()));
            case BoundStatement.Update u -> {
                KeyRangeExtractor.Result r = KeyRangeExtractor.extract(u.table(), u.where());
                yield new PlanNode.Update(u.table(), u.alias(), r.keys(), r.residual(), u.assignments(), u.returning(),
                        null);
            }
            case BoundStatement.Delete d when d.from() != null -> new PlanNode.Delete(d.table(), d.alias(), null, null,
                    d.returning(), joined(d.table(), d.alias(), d.from(), d.where()));
            case BoundStatement.Delete d -> {
                KeyRangeExtractor.Result r = KeyRangeExtractor.extract(d.table(), d.where());
                yield new PlanNode.Delete(d.table(), d.alias(), r.keys(), r.residual(), d.returning(), null);
            }
            default -> null;
        };
    }
}
