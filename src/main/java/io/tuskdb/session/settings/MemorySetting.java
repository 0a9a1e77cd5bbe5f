package io.tuskdb.session.settings;


/**
 * A memory parameter kept in kilobytes (GUC_UNIT_KB: work_mem, maintenance_work_mem): input is a number of kB or a
 * number with a unit (B, kB, MB, GB, TB; case-sensitive as in PostgreSQL), rounded half to even; SHOW prints the
 * largest unit that divides the value ("4MB", "1536kB"), as PostgreSQL's convert_int_from_base_unit does.
 * TuskDB accepts and reports these for clients that set them; the executor has no memory budgets to apply them to.
 */
public final class MemorySetting extends Setting {
    private static final String[] UNITS = {"TB", "GB", "MB", "kB"};
    private static final long[] UNIT_KB = {1L << 30, 1L << 20, 1L << 10, 1L};
    /** Accepted input units, in kB (guc.c's memory unit table). */
    private static final java.util.Map<String, Double> FACTORS = java.util.Map.of("", 1.0, "kB", 1.0,
            "B", 1.0 / 1024, "MB", 1024.0, "GB", 1024.0 * 1024, "TB", 1024.0 * 1024 * 1024);
    private final int minKb;

    public MemorySetting(String name, int bootKb, int minKb, String description) {
        super(name, GucContext.USER, false, format(bootKb), description);
        this.minKb = minKb;
    }

    @Override
    public String normalize(String input, String current) {
        return format(UnitValue.parse(this, input, FACTORS,
                "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".", minKb, "kB"));
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
