package io.tuskdb.types;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;

import java.util.List;
import java.util.function.Consumer;

/**
 * Type modifiers from the numbers written after a type name ({@code varchar(10)}, {@code numeric(10,2)},
 * {@code timestamp(3)}), as each type's typmodin function computes them, with PostgreSQL's errors (22023) and the
 * "precision reduced" WARNING for time precisions above 6.
 */
public final class Typmods {
    private Typmods() {
    }

    private static final int MAX_VARCHAR_LENGTH = 10 * 1024 * 1024;
    private static final int MAX_NUMERIC_PRECISION = 1000;

    /**
     * The typmod for {@code type(modifiers...)}; {@code warnings} receives WARNING-severity notices (may be null).
     * An empty list gives -1, except bpchar, whose bare form {@code char} is {@code char(1)} only when the caller
     * says so (the parser knows whether "character" or "bpchar" was written).
     */
    public static int of(PgType type, List<Integer> modifiers, Consumer<PgException> warnings) {
        if (modifiers.isEmpty()) {
            return -1;
        }
        return switch (type) {
            case VARCHAR, BPCHAR -> {
                if (modifiers.size() != 1) {
                    throw invalid("invalid type modifier");
                }
                yield length(type, modifiers.get(0));
            }
            case NUMERIC -> {
                if (modifiers.size() > 2) {
                    throw invalid("invalid NUMERIC type modifier");
                }
                yield numeric(modifiers.get(0), modifiers.size() == 2 ? modifiers.get(1) : 0);
            }
            case TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> {
                if (modifiers.size() != 1) {
                    throw invalid("invalid type modifier");
                }
                yield precision(type, modifiers.get(0), warnings);
            }
            default -> throw new PgException(SqlState.SYNTAX_ERROR,
                    "type modifier is not allowed for type \"" + type.typname() + "\"");
        };
    }

    private static PgException invalid(String message) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, message);
    }

    /** varchar(n) / char(n): n + 4. */
    public static int length(PgType type, int n) {
        String name = type == PgType.VARCHAR ? "varchar" : "char";
        if (n < 1) {
            throw invalid("length for type " + name + " must be at least 1");
        }
        if (n > MAX_VARCHAR_LENGTH) {
            throw invalid("length for type " + name + " cannot exceed " + MAX_VARCHAR_LENGTH);
        }
        return n + 4;
    }

    /** numeric(p, s): ((p &lt;&lt; 16) | (s &amp; 0x7ff)) + 4, scale -1000..1000 as in PostgreSQL 15. */
    public static int numeric(int precision, int scale) {
        if (precision < 1 || precision > MAX_NUMERIC_PRECISION) {
            throw invalid("NUMERIC precision " + precision + " must be between 1 and " + MAX_NUMERIC_PRECISION);
        }
        if (scale < -1000 || scale > 1000) {
            throw invalid("NUMERIC scale " + scale + " must be between -1000 and 1000");
        }
        return ((precision << 16) | (scale & 0x7ff)) + 4;
    }

    /** time(p), timestamp(p), timestamptz(p), interval(p): p itself (interval: full field range), at most 6. */
    public static int precision(PgType type, int p, Consumer<PgException> warnings) {
        String name = switch (type) {
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMPTZ -> "TIMESTAMP";
            default -> "INTERVAL";
        };
        String suffix = type == PgType.TIMESTAMPTZ ? " WITH TIME ZONE" : "";
        if (p < 0) {
            throw invalid(name + "(" + p + ")" + suffix + " precision must not be negative");
        }
        if (p > 6) {
            if (warnings != null) {
                warnings.accept(new PgException(SqlState.WARNING, Severity.WARNING,
                        name + "(" + p + ")" + suffix + " precision reduced to maximum allowed, 6",
                        null, null, 0, null, null, null, null, null));
            }
            p = 6;
        }
        // INTERVAL_TYPMOD(precision, INTERVAL_FULL_RANGE)
        return type == PgType.INTERVAL ? ((0x7FFF << 16) | p) : p;
    }

    /**
     * INTERVAL [fields] [(p)]: {@code fields} is null or the words as written ("year to month", "day to second"),
     * {@code precision} -1 for none; 42601 for a field list PostgreSQL's grammar does not have.
     */
    public static int interval(String fields, int precision, Consumer<PgException> warnings) {
        int range = TypmodCoercion.FULL_RANGE;
        if (fields != null) {
            range = switch (fields.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ")) {
                case "year" -> TypmodCoercion.YEAR;
                case "month" -> TypmodCoercion.MONTH;
                case "day" -> TypmodCoercion.DAY;
                case "hour" -> TypmodCoercion.HOUR;
                case "minute" -> TypmodCoercion.MINUTE;
                case "second" -> TypmodCoercion.SECOND;
                case "year to month" -> TypmodCoercion.YEAR | TypmodCoercion.MONTH;
                case "day to hour" -> TypmodCoercion.DAY | TypmodCoercion.HOUR;
                case "day to minute" -> TypmodCoercion.DAY | TypmodCoercion.HOUR | TypmodCoercion.MINUTE;
                case "day to second" -> TypmodCoercion.DAY | TypmodCoercion.HOUR | TypmodCoercion.MINUTE
                        | TypmodCoercion.SECOND;
                case "hour to minute" -> TypmodCoercion.HOUR | TypmodCoercion.MINUTE;
                case "hour to second" -> TypmodCoercion.HOUR | TypmodCoercion.MINUTE | TypmodCoercion.SECOND;
                case "minute to second" -> TypmodCoercion.MINUTE | TypmodCoercion.SECOND;
                default -> throw new PgException(SqlState.SYNTAX_ERROR, "invalid interval fields \"" + fields + "\"");
            };
        }
        int p = TypmodCoercion.FULL_PRECISION;
        if (precision >= 0) {
            p = precision(PgType.INTERVAL, precision, warnings) & 0xFFFF;
        }
        if (range == TypmodCoercion.FULL_RANGE && p == TypmodCoercion.FULL_PRECISION) {
            return -1;
        }
        return (range << 16) | p;
    }
}
