package io.tuskdb.session.settings;

import java.util.function.UnaryOperator;

/** A free-text parameter (application_name, search_path), optionally cleaned up by a check function. */
public final class StringSetting extends Setting {
    private final UnaryOperator<String> check;

    public StringSetting(String name, GucContext context, boolean report, String bootValue, String description) {
        this(name, context, report, bootValue, UnaryOperator.identity(), description);
    }

    public StringSetting(String name, GucContext context, boolean report, String bootValue,
                         UnaryOperator<String> check, String description) {
        super(name, context, report, bootValue, description);
        this.check = check;
    }

    @Override
    public String normalize(String input, String current) {
        return check.apply(input);
    }
}
