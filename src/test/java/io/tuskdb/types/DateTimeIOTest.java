package io.tuskdb.types;

import io.tuskdb.error.PgException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected strings were produced by PostgreSQL 15.15. */
class DateTimeIOTest {
    private static FormatSettings fs(String style, String order, String zone) {
        return new FormatSettings(style, order, ZoneId.of(zone), "postgres", 1, true);
    }

    private static final FormatSettings PARIS = fs("ISO", "MDY", "Europe/Paris");

    private static String roundTrip(PgType type, String in, FormatSettings out) {
        return TypeIO.toText(type, TypeIO.fromText(type, in, PARIS), out);
    }

    private static void assertError(PgType type, String in, String sqlState, String message) {
        assertThatThrownBy(() -> TypeIO.fromText(type, in, PARIS)).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.sqlState().code()).isEqualTo(sqlState);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void dateStyles() {
        String[][] cases = {
                {"ISO", "MDY", "2024-01-02|2024-07-02 03:04:05.5|2024-07-02 05:04:05.5+02|0044-03-15 BC|infinity|13:04:05.123|2024-01-02 03:04:05+01"},
                {"Postgres", "MDY", "01-02-2024|Tue Jul 02 03:04:05.5 2024|Tue Jul 02 05:04:05.5 2024 CEST|03-15-0044 BC|infinity|13:04:05.123|Tue Jan 02 03:04:05 2024 CET"},
                {"Postgres", "DMY", "02-01-2024|Tue 02 Jul 03:04:05.5 2024|Tue 02 Jul 05:04:05.5 2024 CEST|15-03-0044 BC|infinity|13:04:05.123|Tue 02 Jan 03:04:05 2024 CET"},
                {"SQL", "MDY", "01/02/2024|07/02/2024 03:04:05.5|07/02/2024 05:04:05.5 CEST|03/15/0044 BC|infinity|13:04:05.123|01/02/2024 03:04:05 CET"},
                {"SQL", "DMY", "02/01/2024|02/07/2024 03:04:05.5|02/07/2024 05:04:05.5 CEST|15/03/0044 BC|infinity|13:04:05.123|02/01/2024 03:04:05 CET"},
                {"German", "DMY", "02.01.2024|02.07.2024 03:04:05.5|02.07.2024 05:04:05.5 CEST|15.03.0044 BC|infinity|13:04:05.123|02.01.2024 03:04:05 CET"},
        };
        for (String[] c : cases) {
            FormatSettings s = fs(c[0], c[1], "Europe/Paris");
            String actual = String.join("|",
                    roundTrip(PgType.DATE, "2024-01-02", s),
                    roundTrip(PgType.TIMESTAMP, "2024-07-02 03:04:05.5", s),
                    roundTrip(PgType.TIMESTAMPTZ, "2024-07-02 03:04:05.5+00", s),
                    roundTrip(PgType.DATE, "0044-03-15 BC", s),
                    roundTrip(PgType.DATE, "infinity", s),
                    roundTrip(PgType.TIME, "13:04:05.123", s),
                    roundTrip(PgType.TIMESTAMPTZ, "2024-01-02 03:04:05", s));
            assertThat(actual).as(c[0] + ", " + c[1]).isEqualTo(c[2]);
        }
    }

    @Test
    void offsetsWithMinutesAndSeconds() {
        assertThat(roundTrip(PgType.TIMESTAMPTZ, "2024-07-02 03:04:05.5+00", fs("ISO", "MDY", "Asia/Kolkata")))
                .isEqualTo("2024-07-02 08:34:05.5+05:30");
        assertThat(roundTrip(PgType.TIMESTAMPTZ, "2024-07-02 03:04:05.5+00", fs("ISO", "MDY", "America/St_Johns")))
                .isEqualTo("2024-07-02 00:34:05.5-02:30");
        assertThat(roundTrip(PgType.TIMESTAMPTZ, "0044-03-15 10:00 BC", fs("ISO", "MDY", "Europe/Paris")))
                .isEqualTo("0044-03-15 10:00:00+00:09:21 BC");
        assertThat(roundTrip(PgType.TIMESTAMPTZ, "-infinity", PARIS)).isEqualTo("-infinity");
        assertThat(TypeIO.fromText(PgType.TIMESTAMPTZ, "infinity", PARIS)).isEqualTo(Instant.MAX);
    }

    @Test
    void dateInputForms() {
        String[][] cases = {
                {"01/02/03", "2003-01-02"}, {"1/2/2003", "2003-01-02"}, {"2003/1/2", "2003-01-02"},
                {"Jan 2 2003", "2003-01-02"}, {"2 January 2003", "2003-01-02"}, {"20030102", "2003-01-02"},
                {"2024-1-2", "2024-01-02"}, {"10000101", "1000-01-01"}, {"Mar 15 44 BC", "0044-03-15 BC"},
                {"99999-01-01", "99999-01-01"}, {"4713-11-24 BC", "4713-11-24 BC"},
                {"epoch", "1970-01-01"}, {"2024-01-02 03:04:05", "2024-01-02"},
        };
        for (String[] c : cases) {
            assertThat(roundTrip(PgType.DATE, c[0], PARIS)).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(TypeIO.fromText(PgType.DATE, "01/02/03", fs("ISO", "DMY", "UTC"))).isEqualTo(LocalDate.of(2003, 2, 1));
    }

    @Test
    void timestampInputForms() {
        String[][] cases = {
                {"2024-01-02 24:00", "2024-01-03 00:00:00"},
                {"2024-01-02 1:2:3.1234567", "2024-01-02 01:02:03.123457"},
                {"2024-01-02 03:04:05+01", "2024-01-02 03:04:05"},
                {"2024-01-02T03:04:05", "2024-01-02 03:04:05"},
        };
        for (String[] c : cases) {
            assertThat(roundTrip(PgType.TIMESTAMP, c[0], PARIS)).as(c[0]).isEqualTo(c[1]);
        }
        String[][] tz = {
                {"2024-01-02T03:04:05Z", "2024-01-02 04:04:05+01"},
                {"2024-01-02 03:04:05 PST", "2024-01-02 12:04:05+01"},
                {"2024-01-02 03:04:05 America/New_York", "2024-01-02 09:04:05+01"},
                {"2024-01-02 03:04:05-0530", "2024-01-02 09:34:05+01"},
                {"epoch", "1970-01-01 01:00:00+01"},
                {"Tue Jul 02 05:04:05.5 2024 CEST", "2024-07-02 05:04:05.5+02"},
                {"2024-01-02 03:04:05 +1", "2024-01-02 03:04:05+01"},
        };
        for (String[] c : tz) {
            assertThat(roundTrip(PgType.TIMESTAMPTZ, c[0], PARIS)).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(TypeIO.fromText(PgType.TIME, "12:00 pm", PARIS)).isEqualTo(LocalTime.NOON);
        assertThat(roundTrip(PgType.TIME, "24:00", PARIS)).isEqualTo("24:00:00");
        assertThat(roundTrip(PgType.TIME, "allballs", PARIS)).isEqualTo("00:00:00");
        assertThat(TypeIO.fromText(PgType.TIMESTAMP, "-infinity", PARIS)).isEqualTo(LocalDateTime.MIN);
    }

    @Test
    void dateTimeErrors() {
        assertError(PgType.DATE, "2024-02-30", "22008", "date/time field value out of range: \"2024-02-30\"");
        assertError(PgType.DATE, "2024-13-01", "22008", "date/time field value out of range: \"2024-13-01\"");
        assertError(PgType.DATE, "abc", "22007", "invalid input syntax for type date: \"abc\"");
        assertError(PgType.DATE, "0000-01-01", "22008", "date/time field value out of range: \"0000-01-01\"");
        assertError(PgType.DATE, "5874898-01-01", "22008", "date out of range: \"5874898-01-01\"");
        assertError(PgType.DATE, "4714-11-23 BC", "22008", "date out of range: \"4714-11-23 BC\"");
        assertError(PgType.TIMESTAMP, "300000-01-01", "22008", "timestamp out of range: \"300000-01-01\"");
        assertError(PgType.TIMESTAMP, "2024-01-02 25:00", "22008",
                "date/time field value out of range: \"2024-01-02 25:00\"");
        assertError(PgType.TIMESTAMP, "2024-01-02 12:60", "22008",
                "date/time field value out of range: \"2024-01-02 12:60\"");
        assertError(PgType.TIME, "24:00:01", "22008", "date/time field value out of range: \"24:00:01\"");
        assertError(PgType.TIME, "1 hour", "22007", "invalid input syntax for type time: \"1 hour\"");
    }

    @Test
    void intervalStyles() {
        String[] inputs = {"1 year 2 mons 3 days 04:05:06.5", "-1 year -2 mons +3 days -04:05:06", "0", "1 day",
                "-1 day", "1-2", "-00:00:01.25", "@ 1 day ago", "P1Y2M", "100 hours", "1 mon -1 day", "-1 year",
                "1.5 years", "3 days 1 minute", "-3 days -1 minute"};
        String[][] expected = {
                {"postgres", "1 year 2 mons 3 days 04:05:06.5|-1 years -2 mons +3 days -04:05:06|00:00:00|1 day|-1 days|1 year 2 mons|-00:00:01.25|-1 days|1 year 2 mons|100:00:00|1 mon -1 days|-1 years|1 year 6 mons|3 days 00:01:00|-3 days -00:01:00"},
                {"postgres_verbose", "@ 1 year 2 mons 3 days 4 hours 5 mins 6.5 secs|@ 1 year 2 mons -3 days 4 hours 5 mins 6 secs ago|@ 0|@ 1 day|@ 1 day ago|@ 1 year 2 mons|@ 1.25 secs ago|@ 1 day ago|@ 1 year 2 mons|@ 100 hours|@ 1 mon -1 days|@ 1 year ago|@ 1 year 6 mons|@ 3 days 1 min|@ 3 days 1 min ago"},
                {"sql_standard", "+1-2 +3 +4:05:06.5|-1-2 +3 -4:05:06|0|1 0:00:00|-1 0:00:00|1-2|-0:00:01.25|-1 0:00:00|1-2|100:00:00|+0-1 -1 +0:00:00|-1-0|1-6|3 0:01:00|-3 0:01:00"},
                {"iso_8601", "P1Y2M3DT4H5M6.5S|P-1Y-2M3DT-4H-5M-6S|PT0S|P1D|P-1D|P1Y2M|PT-1.25S|P-1D|P1Y2M|PT100H|P1M-1D|P-1Y|P1Y6M|P3DT1M|P-3DT-1M"},
        };
        for (String[] e : expected) {
            FormatSettings s = new FormatSettings("ISO", "MDY", ZoneId.of("UTC"), e[0], 1, true);
            StringBuilder actual = new StringBuilder();
            for (String in : inputs) {
                if (!actual.isEmpty()) {
                    actual.append('|');
                }
                actual.append(TypeIO.toText(PgType.INTERVAL, TypeIO.fromText(PgType.INTERVAL, in, FormatSettings.DEFAULT), s));
            }
            assertThat(actual.toString()).as(e[0]).isEqualTo(e[1]);
        }
    }

    @Test
    void intervalInput() {
        assertThat(TypeIO.fromText(PgType.INTERVAL, "2 hours 3 minutes", FormatSettings.DEFAULT))
                .isEqualTo(new Interval(0, 0, (2 * 60 + 3) * 60_000_000L));
        assertThat(TypeIO.fromText(PgType.INTERVAL, "01:02:03", FormatSettings.DEFAULT))
                .isEqualTo(new Interval(0, 0, 3723_000_000L));
        assertThat(TypeIO.fromText(PgType.INTERVAL, "1.5 months", FormatSettings.DEFAULT))
                .isEqualTo(new Interval(1, 15, 0));
        assertThat(TypeIO.fromText(PgType.INTERVAL, "3 4:05:06", FormatSettings.DEFAULT))
                .isEqualTo(new Interval(0, 3, 14706_000_000L));
        assertThat(TypeIO.fromText(PgType.INTERVAL, "P1DT2H", FormatSettings.DEFAULT))
                .isEqualTo(new Interval(0, 1, 7200_000_000L));
        assertError(PgType.INTERVAL, "1 day x", "22007", "invalid input syntax for type interval: \"1 day x\"");
        // a field may appear only once
        assertError(PgType.INTERVAL, "40.15 min 35 min", "22007", "invalid input syntax for type interval: \"40.15 min 35 min\"");
        assertError(PgType.INTERVAL, "1-12", "22015", "interval field value out of range: \"1-12\"");
        FormatSettings sqlStandard = new FormatSettings("ISO", "MDY", ZoneId.of("UTC"), "sql_standard", 1, true);
        assertThat(TypeIO.toText(PgType.INTERVAL, TypeIO.fromText(PgType.INTERVAL, "-32 hour 33 minutes", sqlStandard),
                sqlStandard)).isEqualTo("-32:33:00");
        assertThat(TypeIO.toText(PgType.INTERVAL, TypeIO.fromText(PgType.INTERVAL, "-26.24 us 21.70 min", sqlStandard),
                sqlStandard)).isEqualTo("-0:21:42.000026");
        FormatSettings ymd = new FormatSettings("ISO", "YMD", ZoneId.of("UTC"), "postgres", 1, true);
        assertThat(TypeIO.fromText(PgType.DATE, "12-oct-2007", ymd)).isEqualTo(LocalDate.of(2007, 10, 12));
    }

    /** Fractional seconds round (rint) to microseconds and carry into the next second, minute and day. */
    @Test
    void fractionalSecondsRoundAndCarry() {
        FormatSettings utc = fs("ISO", "MDY", "UTC");
        String[][] cases = {
                {"timestamptz", "2000-02-29 23:59:59.9999995+00", "2000-03-01 00:00:00+00"},
                {"timestamp", "2000-02-29 23:59:59.9999999", "2000-03-01 00:00:00"},
                {"time", "23:59:59.9999999", "24:00:00"},
                {"time", "10:00:59.9999996", "10:01:00"},
                {"timestamp", "2000-01-01 10:59:59.99999951", "2000-01-01 11:00:00"},
                {"timestamp", "2000-01-01 24:00:00", "2000-01-02 00:00:00"},
                {"timestamp", "2000-01-01 23:59:60", "2000-01-02 00:00:00"},
                {"time", "24:00:00.0000004", "24:00:00"},
                {"timestamp", "2000-01-01 24:00:00.0000001", "2000-01-02 00:00:00"},
                {"timestamp", "2000-01-01 23:59:59.99999949", "2000-01-01 23:59:59.999999"},
                {"time", "10:00:60.5", "10:01:00.5"},
                {"timestamp", "2000-01-01 10:00:60.5", "2000-01-01 10:01:00.5"},
        };
        for (String[] c : cases) {
            PgType type = switch (c[0]) {
                case "time" -> PgType.TIME;
                case "timestamp" -> PgType.TIMESTAMP;
                default -> PgType.TIMESTAMPTZ;
            };
            assertThat(TypeIO.toText(type, TypeIO.fromText(type, c[1], utc), utc)).as(c[1]).isEqualTo(c[2]);
        }
        assertError(PgType.TIMESTAMP, "2000-01-01 23:59:60.5", "22008",
                "date/time field value out of range: \"2000-01-01 23:59:60.5\"");
        assertError(PgType.TIME, "23:59:60.5", "22008", "date/time field value out of range: \"23:59:60.5\"");
        assertError(PgType.TIMESTAMP, "294276-12-31 23:59:59.9999999", "22008",
                "timestamp out of range: \"294276-12-31 23:59:59.9999999\"");
    }
}
