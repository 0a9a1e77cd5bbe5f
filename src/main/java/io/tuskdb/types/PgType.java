package io.tuskdb.types;

/**
 * The built-in PostgreSQL types TuskDB knows, with PostgreSQL's OIDs (pg_type.dat), lengths and type categories.
 *
 * <p>Value representation, fixed for every layer (executor, storage codecs, protocol codecs); SQL NULL is Java
 * {@code null}:
 * <ul>
 *   <li>bool: {@link Boolean}; int2: {@link Short}; int4 and oid: {@link Integer}; int8: {@link Long}</li>
 *   <li>float4: {@link Float}; float8: {@link Double}; numeric: {@link java.math.BigDecimal}
 *       (NaN and infinities: {@link NumericSpecial})</li>
 *   <li>text, varchar, bpchar (blank-padded to its length), name, unknown, "char": {@link String}</li>
 *   <li>bytea: {@code byte[]}</li>
 *   <li>date: {@link java.time.LocalDate}; time: {@link java.time.LocalTime};
 *       timestamp: {@link java.time.LocalDateTime}; timestamptz: {@link java.time.Instant}
 *       (shown in the session's TimeZone); interval: {@link Interval}</li>
 *   <li>uuid: {@link java.util.UUID}; void: {@code null}</li>
 * </ul>
 *
 * <p>Special date/time values (PostgreSQL's 'infinity' and '-infinity'): date {@link java.time.LocalDate#MAX} /
 * {@link java.time.LocalDate#MIN}, timestamp {@link java.time.LocalDateTime#MAX} / {@link java.time.LocalDateTime#MIN},
 * timestamptz {@link java.time.Instant#MAX} / {@link java.time.Instant#MIN}; time '24:00:00' is
 * {@link java.time.LocalTime#MAX}. Their binary forms are PostgreSQL's: int4 INT_MAX/INT_MIN for date, int8
 * Long.MAX_VALUE/MIN_VALUE for timestamps, 86400000000 microseconds for 24:00:00. All other date/time values carry
 * whole microseconds.
 *
 * <p>Type modifiers follow PostgreSQL's encoding: -1 for none, varchar(n)/bpchar(n) = n + 4,
 * numeric(p, s) = ((p &lt;&lt; 16) | s) + 4.
 */
public enum PgType {
    BOOL(16, "boolean", "bool", 1, 'B', true, 1000),
    BYTEA(17, "bytea", "bytea", -1, 'U', false, 1001),
    CHAR(18, "\"char\"", "char", 1, 'Z', false, 1002),
    NAME(19, "name", "name", 64, 'S', false, 1003),
    INT8(20, "bigint", "int8", 8, 'N', false, 1016),
    INT2(21, "smallint", "int2", 2, 'N', false, 1005),
    INT4(23, "integer", "int4", 4, 'N', false, 1007),
    TEXT(25, "text", "text", -1, 'S', true, 1009),
    OID(26, "oid", "oid", 4, 'N', false, 1028),
    FLOAT4(700, "real", "float4", 4, 'N', false, 1021),
    FLOAT8(701, "double precision", "float8", 8, 'N', true, 1022),
    UNKNOWN(705, "unknown", "unknown", -2, 'X', false, 0),
    BPCHAR(1042, "character", "bpchar", -1, 'S', false, 1014),
    VARCHAR(1043, "character varying", "varchar", -1, 'S', false, 1015),
    DATE(1082, "date", "date", 4, 'D', false, 1182),
    TIME(1083, "time without time zone", "time", 8, 'D', false, 1183),
    TIMESTAMP(1114, "timestamp without time zone", "timestamp", 8, 'D', false, 1115),
    TIMESTAMPTZ(1184, "timestamp with time zone", "timestamptz", 8, 'D', true, 1185),
    INTERVAL(1186, "interval", "interval", 16, 'T', true, 1187),
    NUMERIC(1700, "numeric", "numeric", -1, 'N', false, 1231),
    VOID(2278, "void", "void", 4, 'P', false, 0),
    UUID(2950, "uuid", "uuid", 16, 'U', false, 2951);

    private final int oid;
    private final String sqlName;
    private final String typname;
    private final int typlen;
    private final char category;
    private final boolean preferred;
    private final int arrayOid;

    PgType(int oid, String sqlName, String typname, int typlen, char category, boolean preferred, int arrayOid) {
        this.oid = oid;
        this.sqlName = sqlName;
        this.typname = typname;
        this.typlen = typlen;
        this.category = category;
        this.preferred = preferred;
        this.arrayOid = arrayOid;
    }

    /** pg_type.oid */
    public int oid() { return oid; }

    /** The name format_type() prints and error messages use: "integer", "character varying". */
    public String sqlName() { return sqlName; }

    /** pg_type.typname: "int4", "varchar". */
    public String typname() { return typname; }

    /** pg_type.typlen: fixed length in bytes, -1 for varlena, -2 for C strings (RowDescription's type size). */
    public int typlen() { return typlen; }

    /** pg_type.typcategory, used by type resolution (Chapter 10, "Type Conversion"). */
    public char category() { return category; }

    /** pg_type.typispreferred */
    public boolean preferred() { return preferred; }

    /** pg_type.typarray, 0 when there is none. */
    public int arrayOid() { return arrayOid; }

    private static final PgType[] BY_OID = new PgType[4096];

    static {
        for (PgType t : values()) {
            BY_OID[t.oid] = t;
        }
    }

    /** The type with this OID, or null when TuskDB does not know it. */
    public static PgType byOid(int oid) {
        return oid >= 0 && oid < BY_OID.length ? BY_OID[oid] : null;
    }
}
