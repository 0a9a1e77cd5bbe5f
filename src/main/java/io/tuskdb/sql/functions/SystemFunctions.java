package io.tuskdb.sql.functions;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.session.ServerVersion;
import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

import java.util.List;
import java.util.Locale;

import static io.tuskdb.sql.functions.Volatility.STABLE;
import static io.tuskdb.sql.functions.Volatility.VOLATILE;
import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.FLOAT8;
import static io.tuskdb.types.PgType.INT4;
import static io.tuskdb.types.PgType.INT8;
import static io.tuskdb.types.PgType.NAME;
import static io.tuskdb.types.PgType.OID;
import static io.tuskdb.types.PgType.TEXT;
import static io.tuskdb.types.PgType.VOID;

/** Session information and administration functions (pg_proc's "System Information" and "Admin" sections). */
final class SystemFunctions {
    private SystemFunctions() {
    }

    static void register(Registry r) {
        r.fn("version", TEXT, STABLE, (c, a) -> ServerVersion.VERSION_STRING);
        r.add(new PgTypeof(null));
        r.fn("current_database", NAME, STABLE, (c, a) -> c.databaseName());
        r.fn("current_schema", NAME, STABLE, (c, a) -> c.searchPath().isEmpty() ? null : c.searchPath().get(0));
        r.fn("current_user", NAME, STABLE, (c, a) -> c.currentUser());
        r.fn("session_user", NAME, STABLE, (c, a) -> c.sessionUser());
        r.fn("current_setting", TEXT, STABLE, (c, a) -> c.setting((String) a[0]), TEXT);
        r.fn("current_setting", TEXT, STABLE, (c, a) -> currentSetting(c, (String) a[0], (Boolean) a[1]), TEXT, BOOL);
        r.fnNullable("set_config", TEXT, VOLATILE, SystemFunctions::setConfig, TEXT, TEXT, BOOL);
        r.fn("pg_sleep", VOID, VOLATILE, (c, a) -> sleep(c, (Double) a[0]), FLOAT8);
        r.fn("pg_backend_pid", INT4, STABLE, (c, a) -> c.backendPid());
        r.fn("pg_cancel_backend", BOOL, VOLATILE, (c, a) -> c.cancelBackend((Integer) a[0]), INT4);
        r.fn("pg_terminate_backend", BOOL, VOLATILE, (c, a) -> c.terminateBackend((Integer) a[0]), INT4);
        r.fn("pg_terminate_backend", BOOL, VOLATILE, (c, a) -> terminate(c, (Integer) a[0], (Long) a[1]), INT4, INT8);
        r.fn("txid_current", INT8, STABLE, (c, a) -> c.transaction().xid());
        r.fnNullable("format_type", TEXT, STABLE, (c, a) -> a[0] == null ? null : formatType((Integer) a[0], (Integer) a[1]),
                OID, INT4);
        r.fn("pg_encoding_to_char", NAME, STABLE, (c, a) -> encodingName((Integer) a[0]), INT4);
        r.fn("pg_char_to_encoding", INT4, STABLE, (c, a) -> encodingId((String) a[0]), NAME);
    }

    /**
     * format_type(type_oid, typmod): a NULL typmod prints the bare name (bpchar as "character"), -1 the name
     * format_type_with_typemod gives; array types add "[]"; unknown OIDs print "???".
     */
    static String formatType(int oid, Integer typmod) {
        PgType type = PgType.byOid(oid);
        String suffix = "";
        if (type == null) {
            for (PgType t : PgType.values()) {
                if (t.arrayOid() == oid && oid != 0) {
                    type = t;
                    suffix = "[]";
                }
            }
        }
        if (type == null) {
            return "???";
        }
        if (typmod == null) {
            return type.sqlName() + suffix;
        }
        return Casts.formatType(type, typmod) + suffix;
    }

    /** PostgreSQL's encoding numbers (pg_wchar.h enum pg_enc). */
    private static final List<String> ENCODINGS = List.of("SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW",
            "EUC_JIS_2004", "UTF8", "MULE_INTERNAL", "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7",
            "LATIN8", "LATIN9", "LATIN10", "WIN1256", "WIN1258", "WIN866", "WIN874", "KOI8R", "WIN1251", "WIN1252",
            "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254", "WIN1255", "WIN1257",
            "KOI8U", "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "SHIFT_JIS_2004");

    private static String encodingName(int id) {
        return id >= 0 && id < ENCODINGS.size() ? ENCODINGS.get(id) : "";
    }

    private static int encodingId(String name) {
        String normalized = name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (int i = 0; i < ENCODINGS.size(); i++) {
            if (ENCODINGS.get(i).replace("_", "").equals(normalized)) {
                return i;
            }
        }
        return -1;
    }

    private static String currentSetting(ExecutionContext c, String name, boolean missingOk) {
        try {
            return c.setting(name);
        } catch (PgException e) {
            if (missingOk && e.sqlState() == SqlState.UNDEFINED_OBJECT) {
                return null;
            }
            throw e;
        }
    }

    /** set_config(name, value, is_local): a null value resets; returns the new current value. */
    private static Object setConfig(ExecutionContext c, Object[] a) {
        if (a[0] == null) {
            throw new PgException(SqlState.NULL_VALUE_NOT_ALLOWED, "SET requires parameter name");
        }
        boolean local = a[2] != null && (Boolean) a[2];
        c.setSetting((String) a[0], (String) a[1], local);
        return c.setting((String) a[0]);
    }

    private static Object sleep(ExecutionContext c, double seconds) {
        if (seconds > 0 && !Double.isNaN(seconds)) {
            c.sleep((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
        }
        return null;
    }

    /** pg_terminate_backend(pid, timeout): a negative timeout is an error; the wait itself is not modelled. */
    private static boolean terminate(ExecutionContext c, int pid, long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "\"timeout\" must not be negative");
        }
        return c.terminateBackend(pid);
    }
}
