package io.tuskdb.sql.parser.ast;

/**
 * One ORDER BY item. {@code usingOperator} is set for {@code USING op} (then direction is USING).
 */
public record SortItem(Expr expr, Direction direction, String usingOperator, Nulls nulls) {

    public enum Direction { DEFAULT, ASC, DESC, USING }

    public enum Nulls { DEFAULT, FIRST, LAST }

    public static SortItem of(Expr expr) {
        return new SortItem(expr, Direction.DEFAULT, null, Nulls.DEFAULT);
    }
}
