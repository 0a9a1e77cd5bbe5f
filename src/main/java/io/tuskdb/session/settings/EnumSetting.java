package io.tuskdb.session.settings;

import java.util.List;
import java.util.Locale;

/** A parameter with a fixed list of values, matched case-insensitively and shown in its listed spelling. */
public final class EnumSetting extends Setting {
    private final List<String> values;

    public EnumSetting(String name, GucContext context, boolean report, String bootValue, List<String> values,
                       String description) {
        super(name, context, report, bootValue, description);
        this.values = values;
    }

    public List<String> values() {
        return values;
    }

    @Override
    public String normalize(String input, String current) {
        String s = input.trim().toLowerCase(Locale.ROOT);
        for (String v : values) {
            if (v.equals(s)) {
                return v;
            }
        }
        throw invalidValue(input).withHint("Available values: " + String.join(", ", values) + ".");
    }
}
