package io.tuskdb.sql.planner;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.TypeResolver;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which predicates become primary-key ranges, and what stays behind as a filter. */
class KeyRangeExtractorTest {
    private static final TableDescriptor T = new TableDescriptor(100, 1, "public", "t", List.of(
            new ColumnDescriptor("id", 1, PgType.INT4, -1, true, null),
            new ColumnDescriptor("name", 2, PgType.TEXT, -1, false, null)), new int[]{0}, "t_pkey");
    private static final TableDescriptor K2 = new TableDescriptor(101, 1, "public", "k2", List.of(
            new ColumnDescriptor("a", 1, PgType.INT4, -1, true, null),
            new ColumnDescriptor("b", 2, PgType.INT8, -1, true, null),
            new ColumnDescriptor("v", 3, PgType.TEXT, -1, false, null)), new int[]{0, 1}, "k2_pkey");

    private static BoundExpr col(TableDescriptor t, int i) {
        ColumnDescriptor c = t.columns().get(i);
        return new BoundExpr.Column(i, c.type(), -1, c.name(), t.oid(), c.attnum());
    }

    private static BoundExpr intConst(int v) {
        return new BoundExpr.Const(v, PgType.INT4, -1);
    }

    private static BoundExpr op(String symbol, BoundExpr l, BoundExpr r) {
        return new BoundExpr.OpCall(TypeResolver.resolveOperator(symbol, l.type(), r.type(), 0), l, r);
    }

    private static BoundExpr and(BoundExpr... parts) {
        return new BoundExpr.And(List.of(parts));
    }

    @Test
    void equalityOnTheKeyIsAPointLookup() {
        KeyRangeExtractor.Result r = KeyRangeExtractor.extract(T, op("=", col(T, 0), intConst(5)));
        assertThat(r.keys().ranges()).singleElement().satisfies(range -> {
            assertThat(range.lower()).containsExactly(intConst(5));
            assertThat(range.upper()).containsExactly(intConst(5));
            assertThat(range.lowerInclusive()).isTrue();
        });
        assertThat(r.residual()).isNull();
    }

    @Test
    void rangeBoundsAndResidualFilter() {
        BoundExpr nameTest = op("=", col(T, 1), new BoundExpr.Const("x", PgType.TEXT, -1));
        KeyRangeExtractor.Result r = KeyRangeExtractor.extract(T,
                and(op(">", col(T, 0), intConst(3)), nameTest, op("<=", col(T, 0), intConst(10))));
        PlanNode.KeyRangeSpec range = r.keys().ranges().get(0);
        assertThat(range.lower()).containsExactly(intConst(3));
        assertThat(range.lowerInclusive()).isFalse();
        assertThat(range.upper()).containsExactly(intConst(10));
        assertThat(range.upperInclusive()).isTrue();
        assertThat(r.residual()).isEqualTo(nameTest);
    }

    @Test
    void constantOnTheLeftIsCommuted() {
        KeyRangeExtractor.Result r = KeyRangeExtractor.extract(T, op("<", intConst(2), col(T, 0)));
        PlanNode.KeyRangeSpec range = r.keys().ranges().get(0);
        assertThat(range.lower()).containsExactly(intConst(2));
        assertThat(range.lowerInclusive()).isFalse();
        assertThat(range.upper()).isEmpty();
        assertThat(Explain.deparse(r.keys().condition(), List.of("id", "name"))).isEqualTo("(id > 2)");
    }

    @Test
    void twoColumnKeyPrefixAndParameters() {
        BoundExpr param = new BoundExpr.Param(0, PgType.INT8);
        KeyRangeExtractor.Result r = KeyRangeExtractor.extract(K2,
                and(op("=", col(K2, 1), param), op("=", col(K2, 0), intConst(1))));
        PlanNode.KeyRangeSpec range = r.keys().ranges().get(0);
        assertThat(range.lower()).containsExactly(intConst(1), param);
        assertThat(Explain.deparse(r.keys().condition(), List.of("a", "b", "v"))).isEqualTo("((a = 1) AND (b = $1))");
        // the second column alone is no key prefix
        assertThat(KeyRangeExtractor.extract(K2, op("=", col(K2, 1), param)).keys()).isNull();
    }

    @Test
    void inListBecomesPointLookups() {
        BoundExpr in = new BoundExpr.InList(col(T, 0),
                List.of(TypeResolver.resolveOperator("=", PgType.INT4, PgType.INT4, 0),
                        TypeResolver.resolveOperator("=", PgType.INT4, PgType.INT4, 0)),
                List.of(intConst(1), intConst(3)), false);
        assertThat(KeyRangeExtractor.extract(T, in).keys().ranges()).hasSize(2);
    }

    @Test
    void castOnTheColumnOrNonKeyColumnGivesNoKeyAccess() {
        BoundExpr numericCol = new BoundExpr.Cast(col(T, 0), PgType.NUMERIC, -1, CastContext.IMPLICIT);
        BoundExpr pred = op("=", numericCol, new BoundExpr.Const(new java.math.BigDecimal("2.5"), PgType.NUMERIC, -1));
        assertThat(KeyRangeExtractor.extract(T, pred).keys()).isNull();
        BoundExpr byName = op("=", col(T, 1), new BoundExpr.Const("a", PgType.TEXT, -1));
        assertThat(KeyRangeExtractor.extract(T, byName).keys()).isNull();
        BoundExpr colToCol = op("=", col(T, 0), col(T, 0));
        assertThat(KeyRangeExtractor.extract(T, colToCol).keys()).isNull();
    }

    @Test
    void widenedIntegerColumnStillUsesTheKey() {
        BoundExpr widened = new BoundExpr.Cast(col(T, 0), PgType.INT8, -1, CastContext.IMPLICIT);
        BoundExpr pred = op("=", widened, new BoundExpr.Const(5000000000L, PgType.INT8, -1));
        assertThat(KeyRangeExtractor.extract(T, pred).keys()).isNotNull();
    }
}
