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
        double d;
        try {
            // PG accepts a float and rounds it half to even (parse_int's rint); whole numbers are the common case.
            String s = input.trim();
            for (int i = 0; i < s.length(); i++) {
                if ("+-.eE0123456789".indexOf(s.charAt(i)) < 0) {
                    throw new NumberFormatException(s); // Java would also take "1d", "NaN" and "Infinity"
                }
            }
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw invalidValue(input);
        }
        d = Math.rint(d);
        if (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE || Double.isNaN(d)) {
            throw invalidValue(input).withHint("Value exceeds integer range.");
        }
        long v = (long) d;
        if (v < min || v > max) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, v + " is outside the valid range for parameter \""
                    + name() + "\" (" + min + " .. " + max + ")");
        }
        return Long.toString(v);
    }
}
