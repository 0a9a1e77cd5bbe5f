package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.Locale;

/**
 * DateStyle: an output style (ISO, Postgres, SQL, German) and a field order (MDY, DMY, YMD), parsed and printed as
 * PostgreSQL's check_datestyle and assign_datestyle do (src/backend/commands/variable.c). A part the input does
 * not mention keeps its current value; German alone implies DMY.
 */
public final class DateStyleSetting extends Setting {
    public DateStyleSetting() {
        super("DateStyle", GucContext.USER, true, "ISO, MDY", "Sets the display format for date and time values.");
    }

    @Override
    public String normalize(String input, String current) {
        String style = current == null ? "ISO" : current.substring(0, current.indexOf(','));
        String order = current == null ? "MDY" : current.substring(current.indexOf(',') + 2);
        boolean haveStyle = false;
        boolean haveOrder = false;
        boolean conflict = false;
        for (String raw : input.split("[,\\s]+")) {
            String token = raw.trim().toUpperCase(Locale.ROOT);
            if (token.isEmpty()) {
                continue;
            }
            String newStyle = null;
            String newOrder = null;
            switch (token) {
                case "ISO" -> newStyle = "ISO";
                case "SQL" -> newStyle = "SQL";
                case "POSTGRES" -> newStyle = "Postgres";
                case "GERMAN" -> newStyle = "German";
                case "YMD" -> newOrder = "YMD";
                case "DMY", "EURO", "EUROPEAN" -> newOrder = "DMY";
                case "MDY", "US", "NONEURO", "NONEUROPEAN" -> newOrder = "MDY";
                case "DEFAULT" -> {
                    newStyle = "ISO";
                    newOrder = "MDY";
                }
                default -> throw invalidValue(input).withDetail("Unrecognized key word: \"" + raw.trim() + "\".");
            }
            if (newStyle != null) {
                conflict |= haveStyle && !newStyle.equals(style);
                style = newStyle;
                haveStyle = true;
            }
            if (newOrder != null) {
                conflict |= haveOrder && !newOrder.equals(order);
                order = newOrder;
                haveOrder = true;
            }
        }
        if (conflict) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"DateStyle\": \"" + input + "\"")
                    .withDetail("Conflicting \"datestyle\" specifications.");
        }
        if (style.equals("German") && !haveOrder) {
            order = "DMY";
        }
        return style + ", " + order;
    }
}
