package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

/** An integer parameter without a unit, with PostgreSQL's range check message. */
public final class IntSetting extends Setting {
    private final int min;
    private final int max;

    public IntSetting(String name, GucContext context, boolean report, int bootValue, int min, int max,
                      String description) {
        super(name, context, report, Integer.toString(bootValue), description);
        this.min = min;
        this.max = max;
    }

    @Override
    public String normalize(String input, String current) {
        long v;
        try {
            String s = input.trim();
            // PG accepts a float and rounds it (parse_int); whole numbers are the common case.
            v = s.contains(".") || s.contains("e") || s.contains("E") ? Math.round(Double.parseDouble(s))
                    : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name() + "\": \"" + input + "\"");
        }
        if (v < min || v > max) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, v + " is outside the valid range for parameter \""
                    + name() + "\" (" + min + " .. " + max + ")");
        }
        return Long.toString(v);
    }
}
