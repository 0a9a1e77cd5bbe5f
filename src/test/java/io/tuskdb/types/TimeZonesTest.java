package io.tuskdb.types;

import io.tuskdb.error.PgException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TimeZone setting values and AT TIME ZONE names. Expected output is PostgreSQL 15's for
 * {@code SET DateStyle='Postgres'; SET TimeZone=...; SELECT '2024-01-15 10:30:00+00'::timestamptz} (ISO where noted).
 */
class TimeZonesTest {
    private static String show(ZoneId zone, String style, String input) {
        FormatSettings s = new FormatSettings(style, "MDY", zone, "postgres", 1, true);
        return TypeIO.toText(PgType.TIMESTAMPTZ, TypeIO.fromText(PgType.TIMESTAMPTZ, input, s), s);
    }

    private static String postgres(String setting) {
        return show(TimeZones.parseSetting(setting), "Postgres", "2024-01-15 10:30:00+00");
    }

    @Test
    void posixOffsetsAreWestOfGreenwich() {
        assertThat(postgres("+05:30")).isEqualTo("Mon Jan 15 05:00:00 2024 ");
        assertThat(postgres("04:30")).isEqualTo("Mon Jan 15 06:00:00 2024 ");
        assertThat(postgres("UTC+3")).isEqualTo("Mon Jan 15 07:30:00 2024 UTC");
        assertThat(postgres("GMT-2")).isEqualTo("Mon Jan 15 12:30:00 2024 GMT");
        assertThat(postgres("<+05>-5")).isEqualTo("Mon Jan 15 15:30:00 2024 +05");
        assertThat(show(TimeZones.parseSetting("UTC+3"), "ISO", "2024-01-15 10:30:00+00"))
                .isEqualTo("2024-01-15 07:30:00-03");
    }

    @Test
    void plainNumbersAreHoursEast() {
        assertThat(postgres("-03")).isEqualTo("Mon Jan 15 07:30:00 2024 -03");
        assertThat(postgres("-7.5")).isEqualTo("Mon Jan 15 03:00:00 2024 -07:30");
        assertThat(postgres("5")).isEqualTo("Mon Jan 15 15:30:00 2024 +05");
        assertThat(postgres("+5")).isEqualTo("Mon Jan 15 15:30:00 2024 +05");
    }

    @Test
    void namedZonesPrintTheirAbbreviation() {
        assertThat(postgres("UTC")).isEqualTo("Mon Jan 15 10:30:00 2024 UTC");
        assertThat(postgres("utc")).isEqualTo("Mon Jan 15 10:30:00 2024 UTC");
        assertThat(postgres("Etc/UTC")).isEqualTo("Mon Jan 15 10:30:00 2024 UTC");
        assertThat(postgres("GMT")).isEqualTo("Mon Jan 15 10:30:00 2024 GMT");
        assertThat(postgres("UTC0")).isEqualTo("Mon Jan 15 10:30:00 2024 UTC");
        assertThat(postgres("HST")).isEqualTo("Mon Jan 15 00:30:00 2024 HST");
        assertThat(show(TimeZones.parseSetting("EST"), "Postgres", "2024-07-15 10:30:00+00"))
                .isEqualTo("Mon Jul 15 05:30:00 2024 EST");
        assertThat(show(TimeZones.parseSetting("MST"), "SQL", "2024-07-15 10:30:00+00"))
                .isEqualTo("07/15/2024 03:30:00 MST");
        assertThat(show(TimeZones.parseSetting("EST"), "ISO", "1900-01-01 00:00+00"))
                .isEqualTo("1899-12-31 19:00:00-05");
        assertThat(show(ZoneId.of("UTC"), "SQL", "2024-01-15 10:30:00+00")).isEqualTo("01/15/2024 10:30:00 UTC");
        assertThat(show(ZoneId.of("UTC"), "German", "2024-01-15 10:30:00+00")).isEqualTo("15.01.2024 10:30:00 UTC");
        assertThat(show(TimeZones.parseSetting("Etc/GMT+3"), "Postgres", "2024-07-15 10:30:00+00"))
                .isEqualTo("Mon Jul 15 07:30:00 2024 -03");
    }

    @Test
    void unknownNamesAreRejected() {
        assertThatThrownBy(() -> TimeZones.parseSetting("XYZ")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getMessage()).isEqualTo("time zone \"XYZ\" not recognized"));
        assertThatThrownBy(() -> TimeZones.parseSetting("Z")).isInstanceOf(PgException.class);
        assertThat(show(TimeZones.parse("CET"), "ISO", "2024-07-15 10:30:00+00")).isEqualTo("2024-07-15 11:30:00+01");
    }

    /** MSK means what it meant in Europe/Moscow at the time: +04 from 2011-03-27 until 2014-10-26, else +03. */
    @Test
    void dynamicAbbreviations() {
        ZoneId utc = ZoneId.of("UTC");
        String[][] input = {
                {"2011-03-27 02:00:00 MSK", "2011-03-26 22:00:00+00"},
                {"2010-07-01 12:00 MSK", "2010-07-01 09:00:00+00"},
                {"2012-07-01 12:00 MSK", "2012-07-01 08:00:00+00"},
                {"2020-07-01 12:00 MSK", "2020-07-01 09:00:00+00"},
                {"1900-01-01 12:00 MSK", "1900-01-01 09:00:00+00"},
                {"2014-10-26 01:30 MSK", "2014-10-25 22:30:00+00"},
        };
        for (String[] c : input) {
            assertThat(show(utc, "ISO", c[0])).as(c[0]).isEqualTo(c[1]);
        }
        // SELECT ts AT TIME ZONE 'MSK'
        String[][] at = {
                {"2014-10-25 21:00:00+00", "2014-10-26 01:00:00"},
                {"2014-10-25 22:00:00+00", "2014-10-26 01:00:00"},
                {"2010-07-01 12:00+00", "2010-07-01 15:00:00"},
        };
        FormatSettings iso = new FormatSettings("ISO", "MDY", utc, "postgres", 1, true);
        for (String[] c : at) {
            java.time.Instant t = (java.time.Instant) TypeIO.fromText(PgType.TIMESTAMPTZ, c[0], iso);
            assertThat(TypeIO.toText(PgType.TIMESTAMP, Casts.timestamptzToTimestamp(t, TimeZones.parse("msk")), iso))
                    .as(c[0]).isEqualTo(c[1]);
        }
        assertThat(TypeIO.toText(PgType.TIMESTAMPTZ, Casts.timestampToTimestamptz(
                java.time.LocalDateTime.of(2012, 1, 1, 0, 0), TimeZones.parse("MSK")), iso))
                .isEqualTo("2011-12-31 20:00:00+00");
        assertThatThrownBy(() -> TimeZones.parseSetting("MSK")).isInstanceOf(PgException.class);
    }

    /** Before a region's first transition the tz database has local mean time, printed "LMT". */
    @Test
    void localMeanTime() {
        String[][] cases = {
                {"America/Los_Angeles", "0001-01-01 00:00:00+00", "Sun Dec 31 16:07:02 0001 LMT BC"},
                {"America/Los_Angeles", "1883-11-18 12:00:00+00", "Sun Nov 18 04:07:02 1883 LMT"},
                {"America/Los_Angeles", "1883-11-18 20:00:00+00", "Sun Nov 18 12:00:00 1883 PST"},
                {"Europe/Paris", "1850-01-01 00:00:00+00", "Tue Jan 01 00:09:21 1850 LMT"},
                {"Asia/Kolkata", "1800-01-01 00:00:00+00", "Wed Jan 01 05:53:28 1800 LMT"},
        };
        for (String[] c : cases) {
            assertThat(show(TimeZones.parseSetting(c[0]), "Postgres", c[1])).as(c[0] + " " + c[1]).isEqualTo(c[2]);
        }
    }
}
