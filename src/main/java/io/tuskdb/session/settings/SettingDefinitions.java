package io.tuskdb.session.settings;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.session.ServerVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters TuskDB knows, with PostgreSQL's names, contexts, boot values and GUC_REPORT flags
 * (src/backend/utils/misc/guc.c). Shared by all sessions; immutable.
 */
public final class SettingDefinitions {
    private static final Map<String, Setting> BY_NAME;
    private static final List<Setting> ALL;

    static {
        List<Setting> s = new ArrayList<>();
        // Reported to the client (GUC_REPORT), in the order PostgreSQL sends them after authentication.
        s.add(new StringSetting("application_name", GucContext.USER, true, "", SettingDefinitions::cleanName,
                "Sets the application name to be reported in statistics and logs."));
        s.add(new ClientEncodingSetting());
        s.add(new DateStyleSetting());
        s.add(new BoolSetting("default_transaction_read_only", GucContext.USER, true, false,
                "Sets the default read-only status of new transactions."));
        s.add(new BoolSetting("in_hot_standby", GucContext.INTERNAL, true, false,
                "Shows whether hot standby is currently active."));
        s.add(new BoolSetting("integer_datetimes", GucContext.INTERNAL, true, true,
                "Shows whether datetimes are integer based."));
        s.add(new EnumSetting("IntervalStyle", GucContext.USER, true, "postgres",
                List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601"),
                "Sets the display format for interval values."));
        s.add(new BoolSetting("is_superuser", GucContext.INTERNAL, true, false,
                "Shows whether the current user is a superuser."));
        s.add(new StringSetting("server_encoding", GucContext.INTERNAL, true, "UTF8",
                "Shows the server (database) character set encoding."));
        s.add(new StringSetting("server_version", GucContext.INTERNAL, true, ServerVersion.SERVER_VERSION,
                "Shows the server version."));
        s.add(new StringSetting("session_authorization", GucContext.INTERNAL, true, "",
                "Sets the session user name."));
        s.add(new StringSetting("standard_conforming_strings", GucContext.USER, true, "on",
                SettingDefinitions::onlyStandardConformingStrings,
                "Causes '...' strings to treat backslashes literally."));
        s.add(new TimeZoneSetting());

        s.add(new StringSetting("server_version_num", GucContext.INTERNAL, false,
                Integer.toString(ServerVersion.SERVER_VERSION_NUM), "Shows the server version as an integer."));
        s.add(new IntSetting("extra_float_digits", GucContext.USER, false, 1, -15, 3,
                "Sets the number of digits displayed for floating-point values."));
        s.add(new EnumSetting("bytea_output", GucContext.USER, false, "hex", List.of("escape", "hex"),
                "Sets the output format for bytea."));
        s.add(new StringSetting("search_path", GucContext.USER, false, "\"$user\", public",
                "Sets the schema search order for names that are not schema-qualified."));
        s.add(new DurationSetting("statement_timeout", GucContext.USER, 0,
                "Sets the maximum allowed duration of any statement."));
        s.add(new DurationSetting("lock_timeout", GucContext.USER, 0,
                "Sets the maximum allowed duration of any wait for a lock."));
        s.add(new DurationSetting("idle_in_transaction_session_timeout", GucContext.USER, 0,
                "Sets the maximum allowed idle time between queries, when in a transaction."));
        s.add(new DurationSetting("idle_session_timeout", GucContext.USER, 0,
                "Sets the maximum allowed idle time between queries, when not in a transaction."));
        List<String> isolationLevels = List.of("serializable", "repeatable read", "read committed",
                "read uncommitted");
        s.add(new EnumSetting("default_transaction_isolation", GucContext.USER, false, "read committed",
                isolationLevels, "Sets the transaction isolation level of each new transaction."));
        s.add(new BoolSetting("default_transaction_deferrable", GucContext.USER, false, false,
                "Sets the default deferrable status of new transactions."));
        // transaction_isolation and transaction_read_only describe the current transaction; the session answers.
        s.add(new EnumSetting("transaction_isolation", GucContext.USER, false, "read committed", isolationLevels,
                "Sets the current transaction's isolation level."));
        s.add(new BoolSetting("transaction_read_only", GucContext.USER, false, false,
                "Sets the current transaction's read-only status."));
        s.add(new BoolSetting("transaction_deferrable", GucContext.USER, false, false,
                "Whether to defer a read-only serializable transaction until it can be executed with no possible "
                        + "serialization failures."));
        s.add(new EnumSetting("client_min_messages", GucContext.USER, false, "notice",
                List.of("debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"),
                "Sets the message levels that are sent to the client."));
        s.add(new EnumSetting("synchronous_commit", GucContext.USER, false, "on",
                List.of("local", "remote_write", "remote_apply", "on", "off"),
                "Sets the current transaction's synchronization level."));
        s.add(new IntSetting("max_connections", GucContext.POSTMASTER, false, 100, 1, 262143,
                "Sets the maximum number of concurrent connections."));
        s.add(new IntSetting("max_identifier_length", GucContext.INTERNAL, false, 63, 63, 63,
                "Shows the maximum identifier length."));
        s.add(new IntSetting("block_size", GucContext.INTERNAL, false, 8192, 8192, 8192,
                "Shows the size of a disk block."));
        s.add(new StringSetting("lc_messages", GucContext.SUPERUSER, false, "C",
                "Sets the language in which messages are displayed."));
        s.add(new StringSetting("lc_monetary", GucContext.USER, false, "C", "Sets the locale for formatting monetary amounts."));
        s.add(new StringSetting("lc_numeric", GucContext.USER, false, "C", "Sets the locale for formatting numbers."));
        s.add(new StringSetting("lc_time", GucContext.USER, false, "C", "Sets the locale for formatting date and time values."));
        s.add(new StringSetting("lc_collate", GucContext.INTERNAL, false, "C", "Shows the collation order locale."));
        s.add(new StringSetting("lc_ctype", GucContext.INTERNAL, false, "C",
                "Shows the character classification and case conversion locale."));
        s.add(new StringSetting("timezone_abbreviations", GucContext.USER, false, "Default",
                "Selects a file of time zone abbreviations."));
        s.add(new BoolSetting("check_function_bodies", GucContext.USER, false, true,
                "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE."));
        s.add(new BoolSetting("escape_string_warning", GucContext.USER, false, true,
                "Warn about backslash escapes in ordinary string literals."));
        s.add(new BoolSetting("row_security", GucContext.USER, false, true, "Enable row security."));
        s.add(new BoolSetting("jit", GucContext.USER, false, false, "Allow JIT compilation."));
        // Accepted and reported for clients and tools that set them (ORMs, pg_dump, benchmarks); TuskDB's planner
        // and executor have no use for them yet.
        s.add(new MemorySetting("work_mem", 4096, 64, "Sets the maximum memory to be used for query workspaces."));
        s.add(new MemorySetting("maintenance_work_mem", 65536, 1024,
                "Sets the maximum memory to be used for maintenance operations."));
        String[][] planner = {
            {"enable_async_append", "on", "Enables the planner's use of async append plans."},
            {"enable_bitmapscan", "on", "Enables the planner's use of bitmap-scan plans."},
            {"enable_gathermerge", "on", "Enables the planner's use of gather merge plans."},
            {"enable_hashagg", "on", "Enables the planner's use of hashed aggregation plans."},
            {"enable_hashjoin", "on", "Enables the planner's use of hash join plans."},
            {"enable_incremental_sort", "on", "Enables the planner's use of incremental sort steps."},
            {"enable_indexonlyscan", "on", "Enables the planner's use of index-only-scan plans."},
            {"enable_indexscan", "on", "Enables the planner's use of index-scan plans."},
            {"enable_material", "on", "Enables the planner's use of materialization."},
            {"enable_memoize", "on", "Enables the planner's use of memoization."},
            {"enable_mergejoin", "on", "Enables the planner's use of merge join plans."},
            {"enable_nestloop", "on", "Enables the planner's use of nested-loop join plans."},
            {"enable_parallel_append", "on", "Enables the planner's use of parallel append plans."},
            {"enable_parallel_hash", "on", "Enables the planner's use of parallel hash plans."},
            {"enable_partition_pruning", "on", "Enables plan-time and execution-time partition pruning."},
            {"enable_partitionwise_aggregate", "off", "Enables partitionwise aggregation and grouping."},
            {"enable_partitionwise_join", "off", "Enables partitionwise join."},
            {"enable_seqscan", "on", "Enables the planner's use of sequential-scan plans."},
            {"enable_sort", "on", "Enables the planner's use of explicit sort steps."},
            {"enable_tidscan", "on", "Enables the planner's use of TID scan plans."},
        };
        for (String[] p : planner) {
            s.add(new BoolSetting(p[0], GucContext.USER, false, p[1].equals("on"), p[2]));
        }
        s.add(new EnumSetting("plan_cache_mode", GucContext.USER, false, "auto",
                List.of("auto", "force_generic_plan", "force_custom_plan"),
                "Controls the planner's selection of custom or generic plan."));
        s.add(new IntSetting("default_statistics_target", GucContext.USER, false, 100, 1, 10000,
                "Sets the default statistics target."));
        s.add(new IntSetting("from_collapse_limit", GucContext.USER, false, 8, 1, Integer.MAX_VALUE,
                "Sets the FROM-list size beyond which subqueries are not collapsed."));
        s.add(new IntSetting("join_collapse_limit", GucContext.USER, false, 8, 1, Integer.MAX_VALUE,
                "Sets the FROM-list size beyond which JOIN constructs are not flattened."));

        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting setting : s) {
            byName.put(setting.name().toLowerCase(Locale.ROOT), setting);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        ALL = List.copyOf(s);
    }

    private SettingDefinitions() {
    }

    /** The definition for {@code name} (any case), or null. */
    public static Setting find(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** GUC_LIST_INPUT: SET takes several values, joined with ", " (DateStyle, search_path). */
    static boolean isList(Setting s) {
        return s instanceof DateStyleSetting || isListQuote(s);
    }

    /** GUC_LIST_QUOTE: SET's values are names, quoted as needed (search_path). */
    static boolean isListQuote(Setting s) {
        return s.name().equals("search_path");
    }

    /** All definitions; reported ones first, in PostgreSQL's ParameterStatus order. */
    public static List<Setting> all() {
        return ALL;
    }

    /** application_name: printable ASCII, truncated to NAMEDATALEN - 1 bytes. */
    private static String cleanName(String input) {
        String clean = cleanAscii(input);
        return clean.length() > 63 ? clean.substring(0, 63) : clean;
    }

    /**
     * pg_clean_ascii: printable ASCII stays, every other byte of the UTF-8 text becomes '?' ("é" is two).
     */
    public static String cleanAscii(String input) {
        StringBuilder sb = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); ) {
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 32 && cp <= 126) {
                sb.append((char) cp);
            } else {
                int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                sb.repeat('?', bytes);
            }
        }
        return sb.toString();
    }

    /** standard_conforming_strings: only on is supported (the parser implements the standard's rules only). */
    private static String onlyStandardConformingStrings(String input) {
        Boolean b = BoolSetting.parse(input);
        if (b == null) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "parameter \"standard_conforming_strings\" requires a Boolean value");
        }
        if (!b) {
            throw Errors.featureNotSupported("standard_conforming_strings = off");
        }
        return "on";
    }
}
