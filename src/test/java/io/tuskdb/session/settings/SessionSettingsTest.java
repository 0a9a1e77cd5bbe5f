package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter parsing and SET / SET LOCAL / RESET semantics, checked against PostgreSQL 15's answers. */
class SessionSettingsTest {
    private final SessionSettings s = new SessionSettings(Map.of());

    private static String code(Throwable e) {
        return ((PgException) e).sqlState().code();
    }

    @Test
    void dateStyleKeepsTheUnmentionedPart() {
        s.set("DateStyle", "German", false, false);
        assertThat(s.get("datestyle")).isEqualTo("German, DMY");
        s.set("DateStyle", "SQL", false, false);
        assertThat(s.get("DateStyle")).isEqualTo("SQL, DMY");
        s.set("DateStyle", "ymd", false, false);
        assertThat(s.get("DateStyle")).isEqualTo("SQL, YMD");
        s.set("DateStyle", "German, YMD", false, false);
        assertThat(s.get("DateStyle")).isEqualTo("German, YMD");
        s.set("DateStyle", "ISO", false, false);
        assertThat(s.get("DateStyle")).isEqualTo("ISO, YMD");
        assertThatThrownBy(() -> s.set("DateStyle", "ISO, German", false, false))
                .hasMessage("invalid value for parameter \"DateStyle\": \"ISO, German\"")
                .satisfies(e -> assertThat(((PgException) e).detail()).isEqualTo("Conflicting \"datestyle\" specifications."));
        assertThatThrownBy(() -> s.set("DateStyle", "foo", false, false))
                .satisfies(e -> assertThat(((PgException) e).detail()).isEqualTo("Unrecognized key word: \"foo\"."));
    }

    @Test
    void durationsPrintInTheLargestWholeUnit() {
        s.set("statement_timeout", "5000", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("5s");
        s.set("statement_timeout", "1500ms", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("1500ms");
        s.set("statement_timeout", "90s", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("90s");
        s.set("statement_timeout", "1min", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("1min");
        s.set("idle_session_timeout", "1d", false, false);
        assertThat(s.get("idle_session_timeout")).isEqualTo("1d");
        assertThat(DurationSetting.millis("1min")).isEqualTo(60_000);
        assertThat(DurationSetting.millis("1500ms")).isEqualTo(1500);
        assertThat(DurationSetting.millis("0")).isZero();
        assertThatThrownBy(() -> s.set("statement_timeout", "5x", false, false))
                .hasMessage("invalid value for parameter \"statement_timeout\": \"5x\"")
                .satisfies(e -> assertThat(((PgException) e).hint())
                        .isEqualTo("Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"."));
    }

    @Test
    void timeZones() {
        s.set("TimeZone", "europe/berlin", false, false);
        assertThat(s.get("TimeZone")).isEqualTo("Europe/Berlin");
        s.set("TimeZone", "+5", false, false);
        assertThat(s.get("TimeZone")).isEqualTo("<+05>-05");
        assertThat(TimeZoneSetting.zone("<+05>-05").getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds())
                .isEqualTo(5 * 3600);
        assertThatThrownBy(() -> s.set("TimeZone", "Foo/Bar", false, false))
                .hasMessage("invalid value for parameter \"TimeZone\": \"Foo/Bar\"");
    }

    @Test
    void valueErrorsAndContexts() {
        assertThatThrownBy(() -> s.set("extra_float_digits", "9", false, false))
                .hasMessage("9 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)")
                .satisfies(e -> assertThat(code(e)).isEqualTo("22023"));
        assertThatThrownBy(() -> s.set("bytea_output", "x", false, false))
                .satisfies(e -> assertThat(((PgException) e).hint()).isEqualTo("Available values: escape, hex."));
        assertThatThrownBy(() -> s.set("server_version", "1", false, true))
                .hasMessage("parameter \"server_version\" cannot be changed")
                .satisfies(e -> assertThat(code(e)).isEqualTo("55P02"));
        assertThatThrownBy(() -> s.set("max_connections", "1", false, true))
                .hasMessage("parameter \"max_connections\" cannot be changed without restarting the server");
        assertThatThrownBy(() -> s.set("lc_messages", "C", false, false))
                .hasMessage("permission denied to set parameter \"lc_messages\"")
                .satisfies(e -> assertThat(code(e)).isEqualTo("42501"));
        assertThatThrownBy(() -> s.get("nope"))
                .hasMessage("unrecognized configuration parameter \"nope\"")
                .satisfies(e -> assertThat(code(e)).isEqualTo("42704"));
        assertThatThrownBy(() -> s.set("jit", "maybe", false, false))
                .hasMessage("parameter \"jit\" requires a Boolean value");
        s.set("jit", "of", false, false); // unique prefix of "off" is too short: "of" is taken as off by PG
        assertThat(s.get("jit")).isEqualTo("off");
        s.set("jit", "tr", false, false);
        assertThat(s.get("jit")).isEqualTo("on");
    }

    @Test
    void clientEncoding() {
        s.set("client_encoding", "unicode", false, false);
        assertThat(s.get("client_encoding")).isEqualTo("UTF8");
        s.set("client_encoding", "utf-8", false, false);
        assertThat(s.get("client_encoding")).isEqualTo("UTF8");
        assertThatThrownBy(() -> s.set("client_encoding", "latin1", false, false))
                .satisfies(e -> assertThat(code(e)).isEqualTo("0A000"));
        assertThatThrownBy(() -> s.set("client_encoding", "foo", false, false))
                .hasMessage("invalid value for parameter \"client_encoding\": \"foo\"");
    }

    @Test
    void rollbackUndoesSetAndCommitEndsSetLocal() {
        s.set("search_path", "a", false, false);
        s.rollback();
        assertThat(s.get("search_path")).isEqualTo("\"$user\", public");

        s.set("search_path", "a", false, false);
        s.set("TimeZone", "Europe/Paris", true, false);
        assertThat(s.get("TimeZone")).isEqualTo("Europe/Paris");
        s.commit();
        assertThat(s.get("search_path")).isEqualTo("a");
        assertThat(s.get("TimeZone")).isEqualTo("UTC");

        // SET after SET LOCAL in one transaction wins at commit; SET LOCAL after SET reverts to the SET value
        s.set("extra_float_digits", "2", true, false);
        s.set("extra_float_digits", "3", false, false);
        s.commit();
        assertThat(s.get("extra_float_digits")).isEqualTo("3");
        s.set("extra_float_digits", "0", false, false);
        s.set("extra_float_digits", "-1", true, false);
        s.commit();
        assertThat(s.get("extra_float_digits")).isEqualTo("0");
    }

    @Test
    void resetReturnsToTheStartupValue() {
        s.setAtStartup("application_name", "psql", false);
        s.set("application_name", "other", false, false);
        s.commit();
        s.set("application_name", null, false, false);
        s.commit();
        assertThat(s.get("application_name")).isEqualTo("psql");
        s.set("IntervalStyle", "iso_8601", false, false);
        s.resetAll(false);
        s.commit();
        assertThat(s.get("IntervalStyle")).isEqualTo("postgres");
    }

    @Test
    void startupErrorsAreFatal() {
        assertThatThrownBy(() -> s.setAtStartup("no_such", "1", false))
                .satisfies(e -> assertThat(((PgException) e).severity()).isEqualTo(Severity.FATAL))
                .satisfies(e -> assertThat(code(e)).isEqualTo("42704"));
        assertThatThrownBy(() -> s.setAtStartup("max_connections", "1", false))
                .satisfies(e -> assertThat(((PgException) e).severity()).isEqualTo(Severity.FATAL));
    }

    @Test
    void reportsOnlyChangedReportedParameters() {
        List<String[]> first = s.drainReports();
        assertThat(first).extracting(r -> r[0]).containsExactly("application_name", "client_encoding", "DateStyle",
                "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "IntervalStyle",
                "is_superuser", "server_encoding", "server_version", "session_authorization",
                "standard_conforming_strings", "TimeZone");
        assertThat(s.drainReports()).isEmpty();
        s.set("statement_timeout", "1s", false, false); // not GUC_REPORT
        s.set("application_name", "x", false, false);
        assertThat(s.drainReports()).singleElement().satisfies(r -> assertThat(r).containsExactly("application_name", "x"));
        s.rollback();
        assertThat(s.drainReports()).singleElement().satisfies(r -> assertThat(r).containsExactly("application_name", ""));
    }

    @Test
    void savepointsNestSettings() {
        s.set("search_path", "a", false, false);
        s.savepoint();
        s.set("search_path", "b", false, false);
        s.set("TimeZone", "Europe/Paris", true, false);
        s.savepoint();
        s.set("search_path", "c", false, false);
        s.rollbackToSavepoint(0);
        assertThat(s.get("search_path")).isEqualTo("a");
        assertThat(s.get("TimeZone")).isEqualTo("UTC");
        s.set("search_path", "d", false, false);
        s.releaseSavepoint(0);
        s.commit();
        assertThat(s.get("search_path")).isEqualTo("d");
    }

    @Test
    void setValuesAreFlattenedAsPostgresDoes() {
        // flatten_set_variable_args: search_path's names quoted with quote_identifier, numbers as they are
        assertThat(SessionSettings.flatten("search_path", List.of("$user", "public"))).isEqualTo("\"$user\", public");
        assertThat(SessionSettings.flatten("search_path", List.of("public", "My Schema", "pg_catalog")))
                .isEqualTo("public, \"My Schema\", pg_catalog");
        assertThat(SessionSettings.flatten("search_path", List.of(""))).isEqualTo("\"\"");
        assertThat(SessionSettings.flatten("search_path", List.of("public, x"))).isEqualTo("\"public, x\"");
        assertThat(SessionSettings.flatten("search_path", List.of("select", "A$b", "a$b", "ab_1")))
                .isEqualTo("\"select\", \"A$b\", \"a$b\", ab_1");
        assertThat(SessionSettings.flatten("search_path", List.of(1L, "public"))).isEqualTo("1, public");
        assertThat(SessionSettings.flatten("DateStyle", List.of("ISO", "DMY"))).isEqualTo("ISO, DMY");
        assertThatThrownBy(() -> SessionSettings.flatten("application_name", List.of("a", "b")))
                .hasMessage("SET application_name takes only one argument")
                .satisfies(e -> assertThat(code(e)).isEqualTo("22023"));
        assertThatThrownBy(() -> SessionSettings.flatten("TimeZone", List.of(1L, 2L)))
                .hasMessage("SET TimeZone takes only one argument");
    }

    @Test
    void errorsNameTheParameterAsWritten() {
        assertThatThrownBy(() -> s.set("intervalstyle", "bad", false, false))
                .hasMessage("invalid value for parameter \"intervalstyle\": \"bad\"")
                .satisfies(e -> assertThat(((PgException) e).hint())
                        .isEqualTo("Available values: postgres, postgres_verbose, sql_standard, iso_8601."));
        assertThatThrownBy(() -> s.set("IntervalStyle", "bad", false, false))
                .hasMessage("invalid value for parameter \"IntervalStyle\": \"bad\"");
        assertThatThrownBy(() -> s.set("datestyle", "nonsense", false, false))
                .hasMessage("invalid value for parameter \"DateStyle\": \"nonsense\"");
        assertThatThrownBy(() -> s.set("timezone", "Europe/Nosuch", false, false))
                .hasMessage("invalid value for parameter \"TimeZone\": \"Europe/Nosuch\"");
        assertThatThrownBy(() -> s.set("Client_Encoding", "nosuch", false, false))
                .hasMessage("invalid value for parameter \"client_encoding\": \"nosuch\"");
        assertThatThrownBy(() -> s.set("STATEMENT_TIMEOUT", "-1", false, false))
                .hasMessage("-1 ms is outside the valid range for parameter \"STATEMENT_TIMEOUT\" (0 .. 2147483647)");
    }

    @Test
    void integersBeyondIntRangeAndHalfEvenRounding() {
        for (String v : List.of("2147483648", "2147483647.6", "2147483648 s")) {
            assertThatThrownBy(() -> s.set("statement_timeout", v, false, false))
                    .hasMessage("invalid value for parameter \"statement_timeout\": \"" + v + "\"")
                    .satisfies(e -> assertThat(((PgException) e).hint()).isEqualTo("Value exceeds integer range."));
        }
        assertThatThrownBy(() -> s.set("extra_float_digits", "2147483648", false, false))
                .hasMessage("invalid value for parameter \"extra_float_digits\": \"2147483648\"")
                .satisfies(e -> assertThat(((PgException) e).hint()).isEqualTo("Value exceeds integer range."));
        assertThatThrownBy(() -> s.set("extra_float_digits", "2d", false, false))
                .hasMessage("invalid value for parameter \"extra_float_digits\": \"2d\"");
        s.set("statement_timeout", "0.5", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("0");
        s.set("statement_timeout", "1.5", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("2ms");
        s.set("statement_timeout", "2.5", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("2ms");
        s.set("statement_timeout", "0.5s", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("500ms");
        s.set("statement_timeout", "3000000000 us", false, false);
        assertThat(s.get("statement_timeout")).isEqualTo("50min");
        s.set("extra_float_digits", "2.5", false, false);
        assertThat(s.get("extra_float_digits")).isEqualTo("2");
    }

    @Test
    void timeZoneOffsetsShowAsPostgresNamesThem() {
        // numbers of hours and INTERVAL are SQL-signed (east positive), named as pg_tzset_offset does
        Map<String, String> shown = Map.of("-7.5", "<-07:30>+07:30", "8", "<+08>-08", "0", "<+00>-00",
                "0.01", "<+00:00:36>-00:00:36", "INTERVAL '-08:00:00'", "<-08>+08",
                "INTERVAL '05:30:00'", "<+05:30>-05:30", "est", "EST", "+02:00", "+02:00");
        shown.forEach((in, out) -> {
            s.set("TimeZone", in, false, false);
            assertThat(s.get("TimeZone")).as(in).isEqualTo(out);
        });
        assertThat(offset("<-07:30>+07:30")).isEqualTo(java.time.ZoneOffset.of("-07:30"));
        assertThat(offset("<+00:00:36>-00:00:36")).isEqualTo(java.time.ZoneOffset.ofTotalSeconds(36));
        assertThat(offset("EST")).isEqualTo(java.time.ZoneOffset.ofHours(-5));
        assertThat(offset("+02:00")).isEqualTo(java.time.ZoneOffset.ofHours(-2)); // POSIX sign
        assertThatThrownBy(() -> s.set("TimeZone", "MSK", false, false)) // an abbreviation, not a tzdata zone
                .hasMessage("invalid value for parameter \"TimeZone\": \"MSK\"");
        assertThatThrownBy(() -> s.set("TimeZone", "INTERVAL '1 day'", false, false))
                .hasMessage("invalid value for parameter \"TimeZone\": \"INTERVAL '1 day'\"")
                .satisfies(e -> assertThat(((PgException) e).detail())
                        .isEqualTo("Cannot specify days in time zone interval."));
        assertThatThrownBy(() -> s.set("TimeZone", "Mars/Olympus", false, false))
                .hasMessage("invalid value for parameter \"TimeZone\": \"Mars/Olympus\"");
    }

    private static java.time.ZoneOffset offset(String normalized) {
        return TimeZoneSetting.zone(normalized).getRules().getOffset(java.time.Instant.EPOCH);
    }

    @Test
    void applicationNameKeepsPrintableAsciiOneQuestionMarkPerByte() {
        s.set("application_name", "h\u00e9llo w\u00f6rld", false, false);
        assertThat(s.get("application_name")).isEqualTo("h??llo w??rld");
        s.set("application_name", "a\u20acb\uD83D\uDE00", false, false);
        assertThat(s.get("application_name")).isEqualTo("a???b????");
        s.set("application_name", "x".repeat(70), false, false);
        assertThat(s.get("application_name")).isEqualTo("x".repeat(63));
    }

    @Test
    void memoryAndPlannerSettingsClientsSetAreAccepted() {
        assertThat(s.get("work_mem")).isEqualTo("4MB");
        assertThat(s.get("maintenance_work_mem")).isEqualTo("64MB");
        Map<String, String> shown = Map.of("64MB", "64MB", "1.5MB", "1536kB", "100000B", "98kB", "1TB", "1TB",
                "1048576", "1GB", "2048 kB", "2MB");
        shown.forEach((in, out) -> {
            s.set("work_mem", in, false, false);
            assertThat(s.get("work_mem")).as(in).isEqualTo(out);
        });
        assertThatThrownBy(() -> s.set("work_mem", "63", false, false))
                .hasMessage("63 kB is outside the valid range for parameter \"work_mem\" (64 .. 2147483647)");
        assertThatThrownBy(() -> s.set("work_mem", "4x", false, false))
                .hasMessage("invalid value for parameter \"work_mem\": \"4x\"")
                .satisfies(e -> assertThat(((PgException) e).hint())
                        .isEqualTo("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."));
        assertThatThrownBy(() -> s.set("work_mem", "3000000MB", false, false))
                .satisfies(e -> assertThat(((PgException) e).hint()).isEqualTo("Value exceeds integer range."));
        assertThatThrownBy(() -> s.set("maintenance_work_mem", "1000", false, false))
                .hasMessage("1000 kB is outside the valid range for parameter \"maintenance_work_mem\" (1024 .. 2147483647)");
        assertThat(s.get("enable_seqscan")).isEqualTo("on");
        assertThat(s.get("enable_partitionwise_join")).isEqualTo("off");
        s.set("enable_bitmapscan", "false", false, false);
        assertThat(s.get("enable_bitmapscan")).isEqualTo("off");
        s.set("plan_cache_mode", "force_custom_plan", false, false);
        assertThat(s.get("plan_cache_mode")).isEqualTo("force_custom_plan");
        s.set("lock_timeout", "2s", false, false);
        assertThat(s.get("lock_timeout")).isEqualTo("2s");
    }

    @Test
    void customDottedParametersArePlaceholders() {
        assertThatThrownBy(() -> s.get("myapp.user_id"))
                .hasMessage("unrecognized configuration parameter \"myapp.user_id\"");
        s.set("myapp.user_id", "42", false, false);
        assertThat(s.get("MyApp.User_Id")).isEqualTo("42");
        s.set("myapp.user_id", null, false, false); // RESET: the placeholder stays, empty
        assertThat(s.get("myapp.user_id")).isEmpty();
        s.set("myapp.l", "x", true, false); // SET LOCAL: gone at commit, the name stays known
        s.commit();
        assertThat(s.get("myapp.l")).isEmpty();
        assertThatThrownBy(() -> s.set("1a.b", "1", false, false))
                .hasMessage("invalid configuration parameter name \"1a.b\"")
                .satisfies(e -> assertThat(code(e)).isEqualTo("42602"))
                .satisfies(e -> assertThat(((PgException) e).detail())
                        .isEqualTo("Custom parameter names must be two or more simple identifiers separated by dots."));
        assertThatThrownBy(() -> s.set("nodot", "1", false, false))
                .hasMessage("unrecognized configuration parameter \"nodot\"");
        assertThatThrownBy(() -> SessionSettings.flatten("myapp.x", List.of("a", "b")))
                .hasMessage("SET myapp.x takes only one argument");
        assertThat(s.all()).extracting(r -> r[0]).doesNotContain("myapp.user_id"); // not in SHOW ALL
    }
}
