package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.TypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * gram.y's Typename: SQL-standard spellings become PostgreSQL's internal type names qualified with pg_catalog
 * (SystemTypeName), other names stay as written (GenericType).
 */
abstract class TypeParser extends ParserSupport {

    TypeParser(String sql) {
        super(sql);
    }

    abstract Expr aExpr();

    /** {@code Typename}: a simple type name with optional array bounds. */
    final TypeName typeName() {
        if (atKw("setof")) {
            throw notSupported("SETOF type names", cur());
        }
        TypeName t = simpleTypeName(false);
        return arrayBounds(t);
    }

    final TypeName arrayBounds(TypeName t) {
        int dims = 0;
        if (atKw("array")) {
            advance();
            dims = 1;
            if (acceptSelf('[')) {
                iconst();
                expectSelf(']');
            }
            return t.withArrayBounds(dims);
        }
        while (atSelf('[')) {
            advance();
            if (at(Token.Kind.INTEGER)) {
                advance();
            }
            expectSelf(']');
            dims++;
        }
        return dims == 0 ? t : t.withArrayBounds(dims);
    }

    /** Whether the current token starts one of the SQL-standard type spellings (Numeric, Character, ...). */
    final boolean atStandardTypeKeyword() {
        Token t = cur();
        if (t.kind() != Token.Kind.KEYWORD) {
            return false;
        }
        return switch (t.text()) {
            case "int", "integer", "smallint", "bigint", "real", "float", "decimal", "dec", "numeric", "boolean",
                 "bit", "character", "char", "varchar", "national", "nchar", "timestamp", "time", "interval" -> true;
            case "double" -> peek(1).isKeyword("precision");
            default -> false;
        };
    }

    /**
     * {@code SimpleTypename} (or {@code ConstTypename} when {@code constTypename}: a typed literal's type, where a
     * bare CHAR has no length limit and INTERVAL's field qualifier follows the string instead).
     */
    final TypeName simpleTypeName(boolean constTypename) {
        Token first = cur();
        int p = pos(first);
        if (first.kind() == Token.Kind.KEYWORD) {
            switch (first.text()) {
                case "int", "integer", "smallint", "bigint", "real", "boolean" -> {
                    advance();
                    String name = switch (first.text()) {
                        case "smallint" -> "int2";
                        case "bigint" -> "int8";
                        case "real" -> "float4";
                        case "boolean" -> "bool";
                        default -> "int4";
                    };
                    return TypeName.system(name, List.of(), p);
                }
                case "double" -> {
                    if (peek(1).isKeyword("precision")) {
                        advance();
                        advance();
                        return TypeName.system("float8", List.of(), p);
                    }
                }
                case "float" -> {
                    advance();
                    if (atSelf('(')) {
                        Expr.IntegerLiteral prec = parenIconst();
                        long precision = prec.value();
                        if (precision < 1) {
                            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                                    "precision for type float must be at least 1 bit").withPosition(prec.position());
                        }
                        if (precision > 53) {
                            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                                    "precision for type float must be less than 54 bits").withPosition(prec.position());
                        }
                        return TypeName.system(precision <= 24 ? "float4" : "float8", List.of(), p);
                    }
                    return TypeName.system("float8", List.of(), p);
                }
                case "decimal", "dec", "numeric" -> {
                    advance();
                    return TypeName.system("numeric", typeModifiers(), p);
                }
                case "bit" -> {
                    advance();
                    boolean varying = acceptKw("varying");
                    List<Expr> mods = typeModifiers();
                    if (mods.isEmpty() && !varying && !constTypename) {
                        mods = List.of(new Expr.IntegerLiteral(1, -1));
                    }
                    return TypeName.system(varying ? "varbit" : "bit", mods, p);
                }
                case "character", "char", "varchar", "national", "nchar" -> {
                    return characterType(constTypename, p);
                }
                case "timestamp", "time" -> {
                    advance();
                    boolean timestamp = first.text().equals("timestamp");
                    List<Expr> mods = List.of();
                    if (atSelf('(')) {
                        mods = List.of(parenIconst());
                    }
                    boolean withZone = false;
                    if (atKw("with") && atKw(1, "time")) {
                        advance();
                        advance();
                        expectKw("zone");
                        withZone = true;
                    } else if (atKw("without")) {
                        advance();
                        expectKw("time");
                        expectKw("zone");
                    }
                    String name = timestamp ? (withZone ? "timestamptz" : "timestamp") : (withZone ? "timetz" : "time");
                    return TypeName.system(name, mods, p);
                }
                case "interval" -> {
                    advance();
                    if (atSelf('(')) {
                        return new TypeName(List.of("pg_catalog", "interval"), List.of(parenIconst()), 0, null, p);
                    }
                    TypeName t = new TypeName(List.of("pg_catalog", "interval"), List.of(), 0, null, p);
                    return constTypename ? t : intervalQualifier(t);
                }
                default -> {
                }
            }
        }
        // GenericType: type_function_name [attrs] [opt_type_modifiers]
        List<String> names = new ArrayList<>();
        names.add(typeFunctionName());
        while (atSelf('.')) {
            advance();
            names.add(colLabel());
        }
        return new TypeName(names, typeModifiers(), 0, null, p);
    }

    private TypeName characterType(boolean constTypename, int p) {
        Token first = advance();
        boolean varying;
        switch (first.text()) {
            case "varchar" -> varying = true;
            case "national" -> {
                if (!acceptKw("character")) {
                    expectKw("char");
                }
                varying = acceptKw("varying");
            }
            default -> varying = acceptKw("varying");
        }
        List<Expr> mods = List.of();
        if (atSelf('(')) {
            mods = List.of(parenIconst());
        } else if (!varying && !constTypename) {
            // CharacterWithoutLength: char defaults to char(1), varchar to no limit
            mods = List.of(new Expr.IntegerLiteral(1, -1));
        }
        return TypeName.system(varying ? "varchar" : "bpchar", mods, p);
    }

    /** '(' Iconst ')': a precision or length, at the position of the number. */
    private Expr.IntegerLiteral parenIconst() {
        expectSelf('(');
        int p = curPos();
        int value = iconst();
        expectSelf(')');
        return new Expr.IntegerLiteral(value, p);
    }

    /** {@code opt_type_modifiers}: '(' expr_list ')' or nothing. */
    final List<Expr> typeModifiers() {
        if (!atSelf('(')) {
            return List.of();
        }
        advance();
        List<Expr> mods = new ArrayList<>();
        mods.add(aExpr());
        while (acceptSelf(',')) {
            mods.add(aExpr());
        }
        expectSelf(')');
        return mods;
    }

    /**
     * {@code opt_interval}: YEAR | MONTH | DAY | HOUR | MINUTE | SECOND[(p)] | YEAR TO MONTH | DAY TO HOUR | ... .
     * Returns {@code t} with the qualifier (and a second precision as its modifier).
     */
    final TypeName intervalQualifier(TypeName t) {
        String field = intervalField();
        if (field == null) {
            return t;
        }
        List<Expr> mods = t.modifiers();
        String fields = field;
        if (field.equals("SECOND")) {
            mods = secondPrecision(mods);
        } else if (atKw("to")) {
            advance();
            String end = intervalField();
            boolean ok = end != null && switch (field) {
                case "YEAR" -> end.equals("MONTH");
                case "DAY" -> end.equals("HOUR") || end.equals("MINUTE") || end.equals("SECOND");
                case "HOUR" -> end.equals("MINUTE") || end.equals("SECOND");
                case "MINUTE" -> end.equals("SECOND");
                default -> false;
            };
            if (!ok) {
                throw syntaxErrorAt(end == null ? cur() : previous());
            }
            fields = field + " TO " + end;
            if (end.equals("SECOND")) {
                mods = secondPrecision(mods);
            }
        }
        return new TypeName(t.names(), mods, t.arrayBounds(), fields, t.position());
    }

    private List<Expr> secondPrecision(List<Expr> mods) {
        return atSelf('(') ? List.of(parenIconst()) : mods;
    }

    private String intervalField() {
        Token t = cur();
        if (t.kind() != Token.Kind.KEYWORD) {
            return null;
        }
        String f = switch (t.text()) {
            case "year" -> "YEAR";
            case "month" -> "MONTH";
            case "day" -> "DAY";
            case "hour" -> "HOUR";
            case "minute" -> "MINUTE";
            case "second" -> "SECOND";
            default -> null;
        };
        if (f != null) {
            advance();
        }
        return f;
    }
}
