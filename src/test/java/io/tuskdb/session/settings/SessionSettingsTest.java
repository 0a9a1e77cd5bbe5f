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
}
