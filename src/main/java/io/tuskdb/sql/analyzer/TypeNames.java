package io.tuskdb.sql.analyzer;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.TypeName;
import io.tuskdb.types.PgType;

import java.util.Map;
import java.util.Set;

/**
 * Resolves a written type name and its modifiers to a {@link PgType} and PostgreSQL's typmod encoding, with the
 * checks of the types' typmodin functions (varchar.c, numeric.c, timestamp.c).
 */
public final class TypeNames {
    private TypeNames() {
    }

    public record Resolved(PgType type, int typmod) {
    }

    private static final Map<String, PgType> BY_NAME = Map.ofEntries(
            Map.entry("bool", PgType.BOOL), Map.entry("bytea", PgType.BYTEA), Map.entry("char", PgType.CHAR),
            Map.entry("name", PgType.NAME), Map.entry("int8", PgType.INT8), Map.entry("int2", PgType.INT2),
            Map.entry("int4", PgType.INT4), Map.entry("text", PgType.TEXT), Map.entry("oid", PgType.OID),
            Map.entry("float4", PgType.FLOAT4), Map.entry("float8", PgType.FLOAT8),
            Map.entry("bpchar", PgType.BPCHAR), Map.entry("varchar", PgType.VARCHAR), Map.entry("date", PgType.DATE),
            Map.entry("time", PgType.TIME), Map.entry("timestamp", PgType.TIMESTAMP),
            Map.entry("timestamptz", PgType.TIMESTAMPTZ), Map.entry("interval", PgType.INTERVAL),
            Map.entry("numeric", PgType.NUMERIC), Map.entry("uuid", PgType.UUID), Map.entry("unknown", PgType.UNKNOWN));

    /** Types PostgreSQL has but TuskDB does not yet: 0A000 rather than "does not exist". */
    private static final Set<String> UNSUPPORTED = Set.of("timetz", "json", "jsonb", "xml", "money", "inet", "cidr",
            "macaddr", "macaddr8", "bit", "varbit", "point", "line", "lseg", "box", "path", "polygon", "circle",
            "tsvector", "tsquery", "regclass", "regtype", "regproc", "int4range", "int8range", "numrange",
            "tsrange", "tstzrange", "daterange", "record", "anyelement", "pg_lsn", "txid_snapshot", "oidvector");

    public static Resolved resolve(TypeName t) {
        String name = t.name();
        String schema = t.schema();
        if (t.arrayBounds() > 0) {
            throw Errors.featureNotSupported("array types");
        }
        if (schema != null && !schema.equals("pg_catalog")) {
            throw new PgException(SqlState.UNDEFINED_OBJECT, "type \"" + String.join(".", t.names()) + "\" does not exist")
                    .withPosition(t.position());
        }
        if (name.equals("serial") || name.equals("bigserial") || name.equals("smallserial")
                || name.equals("serial4") || name.equals("serial8") || name.equals("serial2")) {
            throw Errors.featureNotSupported("the " + name + " type");
        }
        PgType type = BY_NAME.get(name);
        if (type == null) {
            if (UNSUPPORTED.contains(name)) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "type \"" + name + "\" is not supported")
                        .withPosition(t.position());
            }
            throw new PgException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist")
                    .withPosition(t.position());
        }
        int[] mods = new int[t.modifiers().size()];
        for (int i = 0; i < mods.length; i++) {
            Expr e = t.modifiers().get(i);
            if (!(e instanceof Expr.IntegerLiteral lit)) {
                throw new PgException(SqlState.SYNTAX_ERROR, "type modifiers must be simple constants or identifiers")
                        .withPosition(e.position());
            }
            mods[i] = (int) lit.value();
        }
        return new Resolved(type, typmod(type, mods, t));
    }

    private static int typmod(PgType type, int[] mods, TypeName t) {
        int pos = t.position();
        switch (type) {
            case INTERVAL -> {
                if (mods.length > 1) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "interval precision specified twice").withPosition(pos);
                }
                if (t.intervalFields() == null && mods.length == 0) {
                    return -1;
                }
                try {
                    return io.tuskdb.types.Typmods.interval(t.intervalFields(), mods.length == 0 ? -1 : mods[0], null);
                } catch (PgException e) {
                    throw e.withPosition(pos);
                }
            }
            case VARCHAR, BPCHAR -> {
                if (mods.length == 0) {
                    // CHARACTER without a length is character(1) (gram.y); the bare bpchar name is unlimited
                    return type == PgType.BPCHAR && t.isSystemTypeName() ? 1 + 4 : -1;
                }
                if (mods.length > 1) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            "invalid type modifier").withPosition(pos);
                }
                String n = type == PgType.VARCHAR ? "varchar" : "char";
                if (mods[0] < 1) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            "length for type " + n + " must be at least 1").withPosition(pos);
                }
                if (mods[0] > 10485760) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            "length for type " + n + " cannot exceed 10485760").withPosition(pos);
                }
                return mods[0] + 4;
            }
            case NUMERIC -> {
                if (mods.length == 0) {
                    return -1;
                }
                if (mods.length > 2) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid NUMERIC type modifier")
                            .withPosition(pos);
                }
                int p = mods[0];
                int s = mods.length == 2 ? mods[1] : 0;
                if (p < 1 || p > 1000) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            "NUMERIC precision " + p + " must be between 1 and 1000").withPosition(pos);
                }
                if (s < -1000 || s > 1000) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            "NUMERIC scale " + s + " must be between -1000 and 1000").withPosition(pos);
                }
                return ((p << 16) | (s & 0x7ff)) + 4;
            }
            case TIMESTAMP, TIMESTAMPTZ, TIME -> {
                if (mods.length == 0) {
                    return -1;
                }
                String n = type == PgType.TIME ? "TIME" : "TIMESTAMP";
                String tz = type == PgType.TIMESTAMPTZ ? " WITH TIME ZONE" : "";
                if (mods.length > 1) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier").withPosition(pos);
                }
                if (mods[0] < 0) {
                    throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                            n + "(" + mods[0] + ")" + tz + " precision must not be negative").withPosition(pos);
                }
                return Math.min(mods[0], 6);
            }
            default -> {
                if (mods.length > 0) {
                    throw new PgException(SqlState.SYNTAX_ERROR,
                            "type modifier is not allowed for type \"" + type.typname() + "\"").withPosition(pos);
                }
                return -1;
            }
        }
    }
}
