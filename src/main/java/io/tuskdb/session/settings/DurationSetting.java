package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

/**
 * A time parameter kept in milliseconds (GUC_UNIT_MS): input is a number of milliseconds or a number with a unit
 * (us, ms, s, min, h, d); SHOW prints the largest unit that divides the value ("5s", "100ms", "1min"), as
 * PostgreSQL's convert_int_from_base_unit does.
 */
public final class DurationSetting extends Setting {
    private static final String[] UNITS = {"d", "h", "min", "s", "ms"};
    private static final long[] UNIT_MS = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};

    public DurationSetting(String name, GucContext context, int bootMillis, String description) {
        super(name, context, false, format(bootMillis), description);
    }

    @Override
    public String normalize(String input, String current) {
        String s = input.trim();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-'
                || s.charAt(i) == '+')) {
            i++;
        }
        double number;
        try {
            number = Double.parseDouble(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw invalidValue(input);
        }
        String unit = s.substring(i).trim();
        double ms = switch (unit) {
            case "", "ms" -> number;
            case "us" -> number / 1000.0;
            case "s" -> number * 1000.0;
            case "min" -> number * 60_000.0;
            case "h" -> number * 3_600_000.0;
            case "d" -> number * 86_400_000.0;
            default -> throw invalidValue(input)
                    .withHint("Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
        };
        // parse_int: converted to the base unit, rounded half to even (rint), then checked against int range
        double rounded = Math.rint(ms);
        if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE || Double.isNaN(rounded)) {
            throw invalidValue(input).withHint("Value exceeds integer range.");
        }
        if (rounded < 0) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, (long) rounded + " ms is outside the valid "
                    + "range for parameter \"" + name() + "\" (0 .. " + Integer.MAX_VALUE + ")");
        }
        return format((long) rounded);
    }

    /** The value of a normalised setting in milliseconds. */
    public static long millis(String normalized) {
        for (int u = 0; u < UNITS.length; u++) {
            if (normalized.endsWith(UNITS[u]) && !(UNITS[u].equals("s") && normalized.endsWith("ms"))) {
                return Long.parseLong(normalized.substring(0, normalized.length() - UNITS[u].length()))
                        * UNIT_MS[u];
            }
        }
        return Long.parseLong(normalized);
    }

    static String format(long ms) {
        if (ms == 0) {
            return "0";
        }
        for (int u = 0; u < UNITS.length; u++) {
            if (ms % UNIT_MS[u] == 0) {
                return (ms / UNIT_MS[u]) + UNITS[u];
            }
        }
        return ms + "ms";
    }
}
