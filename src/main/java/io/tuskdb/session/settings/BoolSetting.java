package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.Locale;

/** A boolean parameter, read as PostgreSQL's parse_bool (unique prefixes of true/false/yes/no/on/off, 1/0). */
public final class BoolSetting extends Setting {
    public BoolSetting(String name, GucContext context, boolean report, boolean bootValue, String description) {
        super(name, context, report, bootValue ? "on" : "off", description);
    }

    @Override
    public String normalize(String input, String current) {
        Boolean b = parse(input);
        if (b == null) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "parameter \"" + name() + "\" requires a Boolean value");
        }
        return b ? "on" : "off";
    }

    /** parse_bool of src/backend/utils/adt/bool.c; null when the text is not a boolean. */
    public static Boolean parse(String input) {
        String s = input.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("1") || s.equals("on")) {
            return Boolean.TRUE;
        }
        if ("false".startsWith(s) || "no".startsWith(s) || s.equals("0") || (s.length() >= 2 && "off".startsWith(s))) {
            return Boolean.FALSE;
        }
        return null;
    }
}
