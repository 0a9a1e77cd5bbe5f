package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

/**
 * A memory parameter kept in kilobytes (GUC_UNIT_KB: work_mem, maintenance_work_mem): input is a number of kB or a
 * number with a unit (B, kB, MB, GB, TB; case-sensitive as in PostgreSQL), rounded half to even; SHOW prints the
 * largest unit that divides the value ("4MB", "1536kB"), as PostgreSQL's convert_int_from_base_unit does.
 * TuskDB accepts and reports these for clients that set them; the executor has no memory budgets to apply them to.
 */
public final class MemorySetting extends Setting {
    private static final String[] UNITS = {"TB", "GB", "MB", "kB"};
    private static final long[] UNIT_KB = {1L << 30, 1L << 20, 1L << 10, 1L};
    private final int minKb;

    public MemorySetting(String name, int bootKb, int minKb, String description) {
        super(name, GucContext.USER, false, format(bootKb), description);
        this.minKb = minKb;
    }

    @Override
    public String normalize(String input, String current) {
        String s = input.trim();
        int i = 0;
        while (i < s.length() && "+-.0123456789".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        double number;
        try {
            number = Double.parseDouble(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw invalidValue(input);
        }
        String unit = s.substring(i).trim();
        double kb = switch (unit) {
            case "", "kB" -> number;
            case "B" -> number / 1024.0;
            case "MB" -> number * 1024.0;
            case "GB" -> number * 1024.0 * 1024.0;
            case "TB" -> number * 1024.0 * 1024.0 * 1024.0;
            default -> throw invalidValue(input)
                    .withHint("Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
        };
        double rounded = Math.rint(kb);
        if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE || Double.isNaN(rounded)) {
            throw invalidValue(input).withHint("Value exceeds integer range.");
        }
        if (rounded < minKb) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, (long) rounded + " kB is outside the valid "
                    + "range for parameter \"" + name() + "\" (" + minKb + " .. " + Integer.MAX_VALUE + ")");
        }
        return format((long) rounded);
    }

    static String format(long kb) {
        for (int u = 0; u < UNITS.length; u++) {
            if (kb % UNIT_KB[u] == 0 && kb != 0) {
                return (kb / UNIT_KB[u]) + UNITS[u];
            }
        }
        return kb + "kB";
    }
}
