package io.tuskdb.session.settings;


/**
 * A time parameter kept in milliseconds (GUC_UNIT_MS): input is a number of milliseconds or a number with a unit
 * (us, ms, s, min, h, d); SHOW prints the largest unit that divides the value ("5s", "100ms", "1min"), as
 * PostgreSQL's convert_int_from_base_unit does.
 */
public final class DurationSetting extends Setting {
    private static final String[] UNITS = {"d", "h", "min", "s", "ms"};
    private static final long[] UNIT_MS = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    /** Accepted input units, in milliseconds (guc.c's time unit table). */
    private static final java.util.Map<String, Double> FACTORS = java.util.Map.of("", 1.0, "ms", 1.0, "us", 0.001,
            "s", 1000.0, "min", 60_000.0, "h", 3_600_000.0, "d", 86_400_000.0);

    public DurationSetting(String name, GucContext context, int bootMillis, String description) {
        super(name, context, false, format(bootMillis), description);
    }

    @Override
    public String normalize(String input, String current) {
        return format(UnitValue.parse(this, input, FACTORS,
                "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".", 0, "ms"));
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
