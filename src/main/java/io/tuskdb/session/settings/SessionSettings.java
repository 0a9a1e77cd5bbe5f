package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session's parameter values with PostgreSQL's transactional semantics (guc.c's stack, flattened to one
 * transaction level): SET inside a transaction that rolls back is undone; SET LOCAL lasts until the transaction
 * ends; RESET returns to the value the session started with (server default overridden by the startup packet).
 * Changes to reported parameters are collected for ParameterStatus.
 */
public final class SessionSettings {
    /** What a transaction must restore: the value at its start, and what survives a commit. */
    private static final class Saved {
        final String atTransactionStart;
        String afterCommit;

        Saved(String value) {
            this.atTransactionStart = value;
            this.afterCommit = value;
        }

        Saved(Saved other) {
            this.atTransactionStart = other.atTransactionStart;
            this.afterCommit = other.afterCommit;
        }
    }

    /** The values and pending transaction state when a savepoint was set, to restore on ROLLBACK TO. */
    private record SavepointState(Map<Setting, String> current, Map<Setting, Saved> saves) {
    }

    private final List<SavepointState> savepoints = new ArrayList<>();

    private final Map<Setting, String> current = new HashMap<>();
    private final Map<Setting, String> resetValue = new HashMap<>();
    private final Map<Setting, Saved> transactionSaves = new LinkedHashMap<>();
    private final Map<Setting, String> lastReported = new HashMap<>();
    /** Custom "prefix.name" parameters this session set (guc.c's placeholders), by lower-case name. */
    private final Map<String, Setting> placeholders = new HashMap<>();
    private Runnable changeListener = () -> {
    };

    /** @param serverDefaults values from the server configuration (postgresql.conf's role), by parameter name */
    public SessionSettings(Map<String, String> serverDefaults) {
        for (Setting s : SettingDefinitions.all()) {
            current.put(s, s.bootValue());
        }
        serverDefaults.forEach((name, value) -> {
            Setting s = require(name);
            String v = s.normalize(value, current.get(s));
            current.put(s, v);
        });
        resetValue.putAll(current);
    }

    /** Called after every change of a value (the session rebuilds its FormatSettings and cached timeouts). */
    public void onChange(Runnable listener) {
        this.changeListener = listener;
    }

    /** SHOW: the value as PostgreSQL prints it; 42704 for an unknown name. */
    public String get(String name) {
        Setting s = lookup(name, false);
        if (s == null) {
            throw unrecognized(name);
        }
        return current.get(s);
    }

    /** The value of a parameter known to exist (internal callers). */
    public String value(String name) {
        return current.get(SettingDefinitions.find(name));
    }

    /**
     * A known parameter, or a custom one ("myapp.user_id") this session set; with {@code create}, a custom name
     * becomes a placeholder holding the empty string, as PostgreSQL's find_option creates it for SET and
     * set_config (42602 when its parts are not simple identifiers). Null when unknown.
     */
    private Setting lookup(String name, boolean create) {
        Setting s = SettingDefinitions.find(name);
        if (s != null) {
            return s;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        s = placeholders.get(lower);
        if (s == null && create && name.indexOf('.') >= 0) {
            if (!validCustomName(name)) {
                throw new PgException(SqlState.INVALID_NAME, "invalid configuration parameter name \"" + name + "\"")
                        .withDetail("Custom parameter names must be two or more simple identifiers separated by dots.");
            }
            s = new StringSetting(name, GucContext.USER, false, "", "");
            placeholders.put(lower, s);
            current.put(s, "");
            resetValue.put(s, "");
        }
        return s;
    }

    /** valid_custom_variable_name: identifiers (letters, digits, _ and $, not starting with a digit) joined by dots. */
    private static boolean validCustomName(String name) {
        boolean sawSeparator = false;
        boolean nameStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (nameStart) {
                    return false;
                }
                sawSeparator = true;
                nameStart = true;
            } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c >= 0x80) {
                nameStart = false;
            } else if (!(c >= '0' && c <= '9' || c == '$') || nameStart) {
                return false;
            }
        }
        return sawSeparator && !nameStart;
    }

    /**
     * A parameter from the startup packet or a value fixed by the server for this session (is_superuser): becomes
     * both the current and the RESET value. FATAL errors, as PostgreSQL refuses the connection.
     */
    public void setAtStartup(String name, String value, boolean internal) {
        try {
            Setting s = lookup(name, true);
            if (s == null) {
                throw unrecognized(name);
            }
            if (!internal && (s.context() == GucContext.INTERNAL || s.context() == GucContext.POSTMASTER)) {
                throw cannotChange(s);
            }
            String v = s.normalize(value, current.get(s));
            current.put(s, v);
            resetValue.put(s, v);
        } catch (PgException e) {
            throw e.withSeverity(Severity.FATAL);
        }
        changeListener.run();
    }

    /**
     * SET / SET LOCAL / RESET ({@code value} null) inside the current transaction. The caller guarantees a
     * transaction is open; {@link #commit()} or {@link #rollback()} ends its effect.
     */
    public void set(String name, String value, boolean local, boolean superuser) {
        Setting s = lookup(name, true);
        if (s == null) {
            throw unrecognized(name);
        }
        checkContext(s, superuser);
        String v = value == null ? resetValue.get(s) : normalize(s, name, value);
        Saved saved = transactionSaves.computeIfAbsent(s, k -> new Saved(current.get(k)));
        if (!local) {
            saved.afterCommit = v;
        }
        current.put(s, v);
        changeListener.run();
    }

    /**
     * SET name TO v1, v2, ...: the statement's values as one setting value, as PostgreSQL's
     * flatten_set_variable_args does (guc_funcs.c). A String element is a string constant or identifier, quoted
     * with quote_identifier for search_path (GUC_LIST_QUOTE); other elements (numbers) print as they are.
     * Parameters that are not lists take one value only: 22023 "SET x takes only one argument".
     */
    public static String flatten(String name, List<?> values) {
        Setting s = SettingDefinitions.find(name); // null: a custom parameter, a single string
        if (values.size() > 1 && (s == null || !SettingDefinitions.isList(s))) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "SET " + name + " takes only one argument");
        }
        boolean quote = s != null && SettingDefinitions.isListQuote(s);
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(quote && v instanceof String str ? quoteIdentifier(str) : String.valueOf(v));
        }
        return sb.toString();
    }

    /**
     * PostgreSQL's quote_identifier: plain when lower-case letters, digits and underscores not starting with a
     * digit and not a reserved word; otherwise double-quoted with quotes doubled.
     */
    static String quoteIdentifier(String name) {
        boolean plain = !name.isEmpty() && (name.charAt(0) >= 'a' && name.charAt(0) <= 'z' || name.charAt(0) == '_');
        for (int i = 0; plain && i < name.length(); i++) {
            char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        // the parser's quote_ident adds the keyword check (reserved words such as "select" are quoted)
        return plain ? io.tuskdb.sql.parser.AstFormatter.quoteIdentifier(name)
                : '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * The setting's check, with errors naming the parameter as the statement wrote it (PostgreSQL's
     * parse_and_validate_value reports the name it was given: "intervalstyle" for SET IntervalStyle), except for
     * the check hooks of string parameters, which use the canonical name (call_string_check_hook).
     */
    private String normalize(Setting s, String writtenName, String value) {
        try {
            return s.normalize(value, current.get(s));
        } catch (PgException e) {
            // check hooks of string parameters (DateStyle, TimeZone, client_encoding) report the canonical name
            boolean checkHook = s instanceof DateStyleSetting || s instanceof TimeZoneSetting
                    || s instanceof ClientEncodingSetting;
            if (checkHook || writtenName.equals(s.name()) || e.getMessage() == null) {
                throw e;
            }
            String renamed = e.getMessage().replace("parameter \"" + s.name() + "\"",
                    "parameter \"" + writtenName + "\"");
            throw new PgException(e.sqlState(), e.severity(), renamed, e.detail(), e.hint(), e.position(),
                    e.schemaName(), e.tableName(), e.columnName(), e.constraintName(), null);
        }
    }

    /** RESET ALL: every user-settable parameter back to its session start value. */
    public void resetAll(boolean superuser) {
        for (Setting s : SettingDefinitions.all()) {
            if (s.context() == GucContext.USER || (s.context() == GucContext.SUPERUSER && superuser)) {
                if (!s.name().startsWith("transaction_")) {
                    set(s.name(), null, false, superuser);
                }
            }
        }
        for (Setting s : List.copyOf(placeholders.values())) {
            set(s.name(), null, false, superuser);
        }
    }

    /** SAVEPOINT: remembers the settings so ROLLBACK TO can undo changes made after it (GUC nest levels). */
    public void savepoint() {
        Map<Setting, Saved> saves = new LinkedHashMap<>();
        transactionSaves.forEach((k, v) -> saves.put(k, new Saved(v)));
        savepoints.add(new SavepointState(new HashMap<>(current), saves));
    }

    /** RELEASE of the savepoint at {@code index} (0 = oldest): its changes become the enclosing level's. */
    public void releaseSavepoint(int index) {
        savepoints.subList(index, savepoints.size()).clear();
    }

    /** ROLLBACK TO the savepoint at {@code index}: changes since are undone; the savepoint stays. */
    public void rollbackToSavepoint(int index) {
        SavepointState state = savepoints.get(index);
        savepoints.subList(index + 1, savepoints.size()).clear();
        current.clear();
        current.putAll(state.current());
        transactionSaves.clear();
        state.saves().forEach((k, v) -> transactionSaves.put(k, new Saved(v)));
        changeListener.run();
    }

    /** The transaction committed: SET values stay, SET LOCAL values end. */
    public void commit() {
        savepoints.clear();
        if (transactionSaves.isEmpty()) {
            return;
        }
        transactionSaves.forEach((s, saved) -> current.put(s, saved.afterCommit));
        transactionSaves.clear();
        changeListener.run();
    }

    /** The transaction rolled back: every change made in it is undone. */
    public void rollback() {
        savepoints.clear();
        if (transactionSaves.isEmpty()) {
            return;
        }
        transactionSaves.forEach((s, saved) -> current.put(s, saved.atTransactionStart));
        transactionSaves.clear();
        changeListener.run();
    }

    /**
     * The reported parameters whose value differs from what the client last heard, as name/value pairs; marks them
     * reported. PostgreSQL sends these just before ReadyForQuery (ReportChangedGUCOptions).
     */
    public List<String[]> drainReports() {
        List<String[]> changed = new ArrayList<>(0);
        for (Setting s : SettingDefinitions.all()) {
            if (!s.report()) {
                break; // reported parameters come first
            }
            String v = current.get(s);
            if (!v.equals(lastReported.get(s))) {
                lastReported.put(s, v);
                changed.add(new String[] {s.name(), v});
            }
        }
        return changed;
    }

    /** SHOW ALL rows: name, setting, description. */
    public List<String[]> all() {
        List<String[]> rows = new ArrayList<>();
        for (Setting s : SettingDefinitions.all()) {
            rows.add(new String[] {s.name(), current.get(s), s.description()});
        }
        rows.sort((a, b) -> a[0].compareToIgnoreCase(b[0]));
        return rows;
    }

    private static Setting require(String name) {
        Setting s = SettingDefinitions.find(name);
        if (s == null) {
            throw unrecognized(name);
        }
        return s;
    }

    private static void checkContext(Setting s, boolean superuser) {
        switch (s.context()) {
            case INTERNAL, POSTMASTER -> throw cannotChange(s);
            case BACKEND -> throw new PgException(SqlState.CANT_CHANGE_RUNTIME_PARAM,
                    "parameter \"" + s.name() + "\" cannot be set after connection start");
            case SUPERUSER -> {
                if (!superuser) {
                    throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE,
                            "permission denied to set parameter \"" + s.name() + "\"");
                }
            }
            case USER -> {
            }
        }
    }

    private static PgException cannotChange(Setting s) {
        return new PgException(SqlState.CANT_CHANGE_RUNTIME_PARAM, s.context() == GucContext.POSTMASTER
                ? "parameter \"" + s.name() + "\" cannot be changed without restarting the server"
                : "parameter \"" + s.name() + "\" cannot be changed");
    }

    static PgException unrecognized(String name) {
        return new PgException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }
}
