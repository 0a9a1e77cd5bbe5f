package io.tuskdb.sql;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.TypeIO;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal session for engine tests: autocommit per statement or an explicit block, a settings map, notices
 * collected. The real session lives in io.tuskdb.session; this one only serves the engine's tests.
 */
final class TestSession implements ExecutionContext {
    private final Cluster cluster;
    private final SqlEngine engine = new SqlEngine();
    private final Map<String, String> settings = new LinkedHashMap<>();
    final List<PgException> notices = new ArrayList<>();
    private Transaction tx;
    private boolean inBlock;
    private boolean failed;
    private Instant txStart = Instant.now();
    private IsolationLevel blockIsolation;
    private Boolean blockReadOnly;

    private static final Map<String, String> DEFAULTS = Map.of("DateStyle", "ISO, MDY", "TimeZone", "UTC",
            "search_path", "\"$user\", public", "transaction_isolation", "read committed", "enable_bitmapscan", "on");
    private final Map<String, String> defaults;

    TestSession(Cluster cluster) {
        this.cluster = cluster;
        this.defaults = new LinkedHashMap<>();
        settings.put("DateStyle", "ISO, MDY");
        settings.put("TimeZone", "UTC");
        settings.put("search_path", "\"$user\", public");
        settings.put("transaction_isolation", "read committed");
        settings.put("enable_bitmapscan", "on");
        defaults.putAll(Map.copyOf(settings));
    }

    /** Runs every statement of {@code sql}; returns the rows of the last one as "a|b" lines (NULL for nulls). */
    List<String> run(String sql) {
        List<String> lines = new ArrayList<>();
        for (ParsedStatement st : engine.parse(sql)) {
            lines = runOne(st, new Object[0]);
        }
        return lines;
    }

    String lastTag;
    List<ResultColumn> lastColumns;

    PreparedPlan prepare(String sql, int... types) {
        boolean implicit = tx == null;
        if (implicit) {
            tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
        }
        try {
            return engine.prepare(engine.parse(sql).get(0), types, this);
        } finally {
            if (implicit) {
                tx.rollback();
                tx = null;
            }
        }
    }

    /** Starts a run inside a transaction that stays open (for COPY); committed by the next statement block. */
    Execution openInTransaction(PreparedPlan plan) {
        if (tx == null) {
            tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            inBlock = true;
        }
        return plan.execute(this, new Object[0]);
    }

    /** Runs an already prepared plan, as the extended protocol's Bind/Execute would. */
    List<String> execute(PreparedPlan plan, Object... params) {
        return runPlan(plan, params);
    }

    List<String> runOne(ParsedStatement st, Object[] params) {
        return runPlan(null, params, st);
    }

    private List<String> runPlan(PreparedPlan prepared, Object[] params) {
        return runPlan(prepared, params, prepared.statement());
    }

    private List<String> runPlan(PreparedPlan prepared, Object[] params, ParsedStatement st) {
        if (failed && !st.isTransactionExit()) {
            throw new PgException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        boolean implicit = tx == null;
        if (implicit) {
            tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
            txStart = Instant.now();
        }
        tx.startStatement();
        List<String> lines = new ArrayList<>();
        try {
            PreparedPlan plan = prepared != null ? prepared : engine.prepare(st, new int[0], this);
            lastColumns = plan.resultColumns();
            try (Execution ex = plan.execute(this, params)) {
                for (Object[] row; (row = ex.next()) != null; ) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < row.length; i++) {
                        sb.append(i > 0 ? "|" : "");
                        sb.append(row[i] == null ? "NULL"
                                : TypeIO.toText(plan.resultColumns().get(i).type(), row[i], formatSettings()));
                    }
                    lines.add(sb.toString());
                }
                lastTag = ex.commandTag();
            }
            if (!inBlock && tx != null) {
                tx.commit();
                tx = null;
            }
        } catch (RuntimeException e) {
            if (inBlock) {
                failed = true;
            } else if (tx != null) {
                tx.rollback();
                tx = null;
            }
            throw e;
        }
        return lines;
    }

    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public Transaction transaction() {
        return tx;
    }

    @Override
    public int databaseOid() {
        return cluster.catalog().database("postgres").orElseThrow().oid();
    }

    @Override
    public String databaseName() {
        return "postgres";
    }

    @Override
    public String currentUser() {
        return "postgres";
    }

    @Override
    public String sessionUser() {
        return "postgres";
    }

    @Override
    public boolean isSuperuser() {
        return true;
    }

    @Override
    public int backendPid() {
        return 4242;
    }

    @Override
    public FormatSettings formatSettings() {
        return FormatSettings.DEFAULT;
    }

    @Override
    public List<String> searchPath() {
        return List.of("public");
    }

    @Override
    public String setting(String name) {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        throw new PgException(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
    }

    @Override
    public void setSetting(String name, String value, boolean local) {
        setting(name);
        for (String k : settings.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                settings.put(k, value == null ? DEFAULTS.get(k) : value);
            }
        }
    }

    @Override
    public void resetAllSettings() {
    }

    @Override
    public List<String[]> allSettings() {
        List<String[]> out = new ArrayList<>();
        settings.forEach((k, v) -> out.add(new String[]{k, v, ""}));
        return out;
    }

    @Override
    public void checkForInterrupts() {
    }

    @Override
    public void sleep(long nanos) {
    }

    @Override
    public Instant transactionStartTimestamp() {
        return txStart;
    }

    @Override
    public Instant statementStartTimestamp() {
        return txStart;
    }

    @Override
    public void beginTransactionBlock(IsolationLevel isolationLevel, Boolean readOnly) {
        inBlock = true;
        blockIsolation = isolationLevel;
        blockReadOnly = readOnly;
        if (readOnly != null && readOnly || isolationLevel != null) {
            tx.rollback();
            tx = cluster.transactions().begin(isolationLevel == null ? IsolationLevel.READ_COMMITTED : isolationLevel,
                    readOnly != null && readOnly);
        }
    }

    @Override
    public String commitTransactionBlock() {
        String tag = failed ? "ROLLBACK" : "COMMIT";
        if (failed) {
            tx.rollback();
        } else {
            tx.commit();
        }
        tx = null;
        inBlock = false;
        failed = false;
        return tag;
    }

    @Override
    public void rollbackTransactionBlock() {
        tx.rollback();
        tx = null;
        inBlock = false;
        failed = false;
    }

    @Override
    public boolean cancelBackend(int pid) {
        return false;
    }

    @Override
    public boolean terminateBackend(int pid) {
        return false;
    }

    @Override
    public void notice(PgException notice) {
        notices.add(notice);
    }
}
