package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.Map;

/**
 * PostgreSQL's parse_int for settings with units (guc.c): a number, an optional unit converted to the setting's
 * base unit, rounded half to even (rint), then checked against the integer range and the setting's minimum.
 */
final class UnitValue {
    private UnitValue() {
    }

    /**
     * @param factors  each accepted unit spelling ("" for none) and how many base units it is
     * @param hint     the HINT for an unknown unit, listing the valid ones as PostgreSQL does
     * @param baseUnit the base unit's name in the out-of-range message ("ms", "kB")
     */
    static long parse(Setting setting, String input, Map<String, Double> factors, String hint, long min,
                      String baseUnit) {
        String s = input.trim();
        int i = 0;
        while (i < s.length() && "+-.0123456789".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        double number;
        try {
            number = Double.parseDouble(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw setting.invalidValue(input);
        }
        Double factor = factors.get(s.substring(i).trim());
        if (factor == null) {
            throw setting.invalidValue(input).withHint(hint);
        }
        double rounded = Math.rint(number * factor);
        if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE || Double.isNaN(rounded)) {
            throw setting.invalidValue(input).withHint("Value exceeds integer range.");
        }
        if (rounded < min) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, (long) rounded + " " + baseUnit + " is outside the "
                    + "valid range for parameter \"" + setting.name() + "\" (" + min + " .. " + Integer.MAX_VALUE + ")");
        }
        return (long) rounded;
    }
}
