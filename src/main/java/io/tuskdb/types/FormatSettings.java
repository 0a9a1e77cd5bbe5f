package io.tuskdb.types;

import java.time.ZoneId;

/**
 * The session settings that change how values are read and printed: DateStyle, TimeZone, IntervalStyle,
 * extra_float_digits and bytea_output. Immutable; a session makes a new one when a setting changes.
 *
 * @param dateStyleOutput  "ISO", "Postgres", "SQL" or "German" (first part of DateStyle)
 * @param dateOrder        "MDY", "DMY" or "YMD" (second part of DateStyle)
 */
public record FormatSettings(String dateStyleOutput, String dateOrder, ZoneId timeZone, String intervalStyle,
                             int extraFloatDigits, boolean byteaHex) {

    /** PostgreSQL's defaults: DateStyle 'ISO, MDY', TimeZone UTC, IntervalStyle postgres, extra_float_digits 1. */
    public static final FormatSettings DEFAULT =
            new FormatSettings("ISO", "MDY", ZoneId.of("UTC"), "postgres", 1, true);
}
