package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * A value expression as written (gram.y's {@code a_expr}, {@code b_expr}, {@code c_expr}). Syntax only: no types,
 * no name resolution. {@link #position()} is the 1-based character offset of the node's first character (for
 * operators: of the operator, as PostgreSQL's {@code A_Expr.location}) in the whole query string, or -1 for a
 * node the grammar implies without it being written (CHAR's default length 1, FETCH FIRST's default count 1, the
 * {@code *} of {@code TABLE t}), as PostgreSQL's location -1.
 *
 * <p>Special SQL syntax that PostgreSQL turns into ordinary function calls ({@code EXTRACT}, {@code POSITION},
 * {@code SUBSTRING}, {@code TRIM}, {@code OVERLAY}, {@code AT TIME ZONE}, ...) is a {@link FuncCall} of the
 * {@code pg_catalog} function, as gram.y builds it.
 */
public sealed interface Expr {

    int position();

    /** A column reference {@code a}, {@code t.a}, {@code s.t.a}, or {@code *} / {@code t.*} when {@code star}. Names are case-folded. */
    record ColumnRef(List<String> names, boolean star, int position) implements Expr {
        public ColumnRef {
            names = List.copyOf(names);
        }
    }

    /**
     * An integer constant. PostgreSQL's make_const: type int4 when the value fits in int4, otherwise int8.
     * Integers that do not fit in int8 are {@link NumericLiteral}.
     */
    record IntegerLiteral(long value, int position) implements Expr {
    }

    /**
     * A numeric constant as written: {@code 1.5}, {@code .5}, {@code 1e10}, or an integer too big for int8.
     * PostgreSQL's make_const: an integer-looking text that fits int8 is int8 (only {@code -9223372036854775808}),
     * anything else is numeric.
     */
    record NumericLiteral(String text, int position) implements Expr {
    }

    /** A string constant (all quoting forms already decoded); its type is unknown until analysis. */
    record StringLiteral(String value, int position) implements Expr {
    }

    /** TRUE / FALSE. */
    record BooleanLiteral(boolean value, int position) implements Expr {
    }

    /** NULL. */
    record NullLiteral(int position) implements Expr {
    }

    /**
     * {@code type 'string'}, e.g. {@code DATE '2020-01-01'} or {@code INTERVAL '1' DAY}: a cast of a string constant.
     * Its position is the string's (where PostgreSQL points an invalid-input error), not the type name's.
     */
    record TypedLiteral(TypeName type, String value, int position) implements Expr {
    }

    /** {@code $n}. */
    record ParamRef(int number, int position) implements Expr {
    }

    /** A prefix operator: {@code - x}, {@code + x}, {@code ~ x}, {@code @ x}, {@code |/ x}. */
    record UnaryOp(String operator, Expr operand, int position) implements Expr {
    }

    /**
     * A binary operator as written ({@code +}, {@code ||}, {@code =}, {@code <}, {@code ~~}, ...); {@code !=} is
     * already {@code <>}. {@code OPERATOR(pg_catalog.+)} is {@code +}. Position is the operator's.
     */
    record BinaryOp(String operator, Expr left, Expr right, int position) implements Expr {
    }

    record And(Expr left, Expr right, int position) implements Expr {
    }

    record Or(Expr left, Expr right, int position) implements Expr {
    }

    record Not(Expr operand, int position) implements Expr {
    }

    /** {@code expr [NOT] BETWEEN [SYMMETRIC] low AND high}. */
    record Between(Expr expr, Expr low, Expr high, boolean negated, boolean symmetric, int position) implements Expr {
    }

    /** {@code expr [NOT] IN (a, b, ...)}. */
    record InList(Expr expr, List<Expr> list, boolean negated, int position) implements Expr {
        public InList {
            list = List.copyOf(list);
        }
    }

    /** {@code expr [NOT] IN (SELECT ...)}; {@code expr} may be a {@link RowExpr}. */
    record InSubquery(Expr expr, Select query, boolean negated, int position) implements Expr {
    }

    /** {@code EXISTS (SELECT ...)}. */
    record Exists(Select query, int position) implements Expr {
    }

    /** {@code (SELECT ...)} used as a value. */
    record ScalarSubquery(Select query, int position) implements Expr {
    }

    /** {@code ARRAY(SELECT ...)}. */
    record ArraySubquery(Select query, int position) implements Expr {
    }

    /**
     * {@code left op ANY|SOME|ALL (subquery)} or {@code left op ANY|ALL (array expression)}: exactly one of
     * {@code subquery} and {@code array} is set.
     */
    record AnyAll(Expr left, String operator, boolean all, Select subquery, Expr array, int position) implements Expr {
    }

    enum LikeKind { LIKE, ILIKE, SIMILAR }

    /** {@code expr [NOT] LIKE|ILIKE|SIMILAR TO pattern [ESCAPE escape]}; {@code escape} may be null. */
    record Like(Expr expr, Expr pattern, Expr escape, LikeKind kind, boolean negated, int position) implements Expr {
    }

    /** {@code expr IS [NOT] NULL}, {@code ISNULL}, {@code NOTNULL}. */
    record IsNull(Expr expr, boolean negated, int position) implements Expr {
    }

    enum BoolTest { TRUE, FALSE, UNKNOWN }

    /** {@code expr IS [NOT] TRUE|FALSE|UNKNOWN}. */
    record IsBool(Expr expr, BoolTest test, boolean negated, int position) implements Expr {
    }

    /** {@code left IS [NOT] DISTINCT FROM right}; {@code negated} is IS NOT DISTINCT FROM. */
    record IsDistinct(Expr left, Expr right, boolean negated, int position) implements Expr {
    }

    /** {@code expr::type} and {@code CAST(expr AS type)}; the position is the {@code ::}'s or CAST's, as PostgreSQL. */
    record Cast(Expr expr, TypeName type, int position) implements Expr {
    }

    /**
     * A function call. {@code star} is {@code f(*)}; {@code orderBy} is the aggregate's ORDER BY (or WITHIN GROUP
     * when {@code withinGroup}); {@code filter} and {@code over} may be null.
     */
    record FuncCall(List<String> name, List<Expr> args, boolean distinct, boolean star, boolean variadic,
                    List<SortItem> orderBy, boolean withinGroup, Expr filter, WindowDef over, int position) implements Expr {
        public FuncCall {
            name = List.copyOf(name);
            args = List.copyOf(args);
            orderBy = List.copyOf(orderBy);
        }

        /** A plain call {@code name(args)}. */
        public static FuncCall of(List<String> name, List<Expr> args, int position) {
            return new FuncCall(name, args, false, false, false, List.of(), false, null, null, position);
        }
    }

    /** A named argument {@code name => value} (or {@code name := value}) inside a function call. */
    record NamedArg(String name, Expr value, int position) implements Expr {
    }

    /** One {@code WHEN condition THEN result} of a CASE. */
    record CaseWhen(Expr condition, Expr result) {
    }

    /** {@code CASE [operand] WHEN ... THEN ... [ELSE ...] END}; {@code operand} null for a searched CASE. */
    record Case(Expr operand, List<CaseWhen> whens, Expr elseExpr, int position) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record Coalesce(List<Expr> args, int position) implements Expr {
        public Coalesce {
            args = List.copyOf(args);
        }
    }

    record NullIf(Expr left, Expr right, int position) implements Expr {
    }

    record Greatest(List<Expr> args, int position) implements Expr {
        public Greatest {
            args = List.copyOf(args);
        }
    }

    record Least(List<Expr> args, int position) implements Expr {
        public Least {
            args = List.copyOf(args);
        }
    }

    /** gram.y's SQLValueFunction keywords. */
    enum SpecialValueKind {
        CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP,
        CURRENT_ROLE, CURRENT_USER, USER, SESSION_USER, CURRENT_CATALOG, CURRENT_SCHEMA
    }

    /** {@code CURRENT_TIMESTAMP(3)} and friends; {@code precision} is null when not written. */
    record SpecialValue(SpecialValueKind kind, Integer precision, int position) implements Expr {
    }

    /** {@code ARRAY[a, b]}; nested {@code ARRAY[[1,2],[3,4]]} has ArrayExpr elements. */
    record ArrayExpr(List<Expr> elements, int position) implements Expr {
        public ArrayExpr {
            elements = List.copyOf(elements);
        }
    }

    /** {@code base[index]} or, when {@code slice}, {@code base[lower:upper]} (either bound may be null). */
    record Subscript(Expr base, Expr lower, Expr upper, boolean slice, int position) implements Expr {
    }

    /** {@code (base).field} (field selection from a composite value), or {@code (base).*} when field is "*". */
    record FieldSelect(Expr base, String field, int position) implements Expr {
    }

    /** {@code ROW(a, b)} ({@code explicitRow}) or {@code (a, b)}. */
    record RowExpr(List<Expr> fields, boolean explicitRow, int position) implements Expr {
        public RowExpr {
            fields = List.copyOf(fields);
        }
    }

    /** {@code expr COLLATE name}. */
    record Collate(Expr expr, List<String> collation, int position) implements Expr {
        public Collate {
            collation = List.copyOf(collation);
        }
    }

    /** {@code DEFAULT} as a value in INSERT ... VALUES and UPDATE ... SET (PostgreSQL's SetToDefault). */
    record Default(int position) implements Expr {
    }

    /** {@code GROUPING(a, b)}. */
    record Grouping(List<Expr> args, int position) implements Expr {
        public Grouping {
            args = List.copyOf(args);
        }
    }
}
