package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

/**
 * One configuration parameter's definition (a row of PostgreSQL's guc_tables.c): name, context, whether clients
 * hear of changes (GUC_REPORT), its boot value, and how input is checked and normalised to the form SHOW prints.
 * Values are kept in that normalised text form; {@link SessionSettings} holds them per session.
 */
public abstract sealed class Setting
        permits BoolSetting, IntSetting, DurationSetting, EnumSetting, StringSetting, DateStyleSetting,
        TimeZoneSetting, ClientEncodingSetting, MemorySetting {
    private final String name;
    private final GucContext context;
    private final boolean report;
    private final String bootValue;
    private final String description;

    protected Setting(String name, GucContext context, boolean report, String bootValue, String description) {
        this.name = name;
        this.context = context;
        this.report = report;
        this.bootValue = bootValue;
        this.description = description;
    }

    /** The name as PostgreSQL spells it ("DateStyle"); lookups ignore case. */
    public String name() {
        return name;
    }

    public GucContext context() {
        return context;
    }

    /** GUC_REPORT: a change is sent to the client as ParameterStatus. */
    public boolean report() {
        return report;
    }

    public String bootValue() {
        return bootValue;
    }

    public String description() {
        return description;
    }

    /**
     * Checks {@code input} and returns it as SHOW prints it. {@code current} is the value it replaces (DateStyle
     * keeps the part the input does not mention).
     */
    public abstract String normalize(String input, String current);

    /** 22023 {@code invalid value for parameter "x": "y"} */
    protected PgException invalidValue(String input) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + input + "\"");
    }
}
