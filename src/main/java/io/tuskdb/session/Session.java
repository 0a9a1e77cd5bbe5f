package io.tuskdb.session;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.DatabaseDescriptor;
import io.tuskdb.catalog.RoleDescriptor;
import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.session.settings.DurationSetting;
import io.tuskdb.session.settings.SessionSettings;
import io.tuskdb.session.settings.SettingDefinitions;
import io.tuskdb.session.settings.TimeZoneSetting;
import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.sql.ParsedStatement;
import io.tuskdb.sql.PreparedPlan;
import io.tuskdb.sql.SqlEngine;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.FormatSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's state, PostgreSQL's backend-local state: who is connected to which database, the settings,
 * the transaction block ({@link TransactionBlock}), prepared statements and portals, and the interrupt flag. The SQL
 * engine sees it as its {@link ExecutionContext}; the protocol drives it statement by statement. Used by its
 * session thread only, except {@link #interrupts()} and the pg_stat_activity accessors.
 */
public final class Session implements ExecutionContext {
    private final Cluster cluster;
    private final SqlEngine engine;
    private final int pid;
    private final RoleDescriptor role;
    private final DatabaseDescriptor database;
    private final SessionSettings settings;
    private final Interrupts interrupts = new Interrupts();
    private final SessionDirectory directory;
    private final Instant backendStart = Instant.now();
    private NoticeSink noticeSink = n -> {
    };

    private final TransactionBlock block;
    private Instant statementStart;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private Portal activePortal;
    private boolean implicitBlock;
    /** The running statement's kind: SET LOCAL and SET TRANSACTION warn outside a block only from SET itself. */
    private StatementKind statementKind = StatementKind.SNAPSHOT;

    private FormatSettings formatSettings;
    private long statementTimeoutMillis;
    private long idleInTransactionTimeoutMillis;
    private long idleSessionTimeoutMillis;
    private volatile String applicationName = "";
    private int clientMinMessagesRank;
    private volatile String currentQuery = "";
    private volatile boolean running;
    private volatile Instant queryStart;

    public Session(Cluster cluster, SqlEngine engine, int pid, RoleDescriptor role, DatabaseDescriptor database,
                   SessionSettings settings, SessionDirectory directory) {
        this.cluster = cluster;
        this.engine = engine;
        this.pid = pid;
        this.role = role;
        this.database = database;
        this.settings = settings;
        this.directory = directory;
        settings.setAtStartup("is_superuser", role.superuser() ? "on" : "off", true);
        settings.setAtStartup("session_authorization", role.name(), true);
        this.block = new TransactionBlock(cluster.transactions(), settings, interrupts, this::notice,
                this::closePortalsExceptActive);
        settings.onChange(this::settingsChanged);
        settingsChanged();
    }

    public void setNoticeSink(NoticeSink sink) {
        this.noticeSink = sink;
    }

    public SessionSettings settings() {
        return settings;
    }

    public Interrupts interrupts() {
        return interrupts;
    }

    public TransactionState transactionState() {
        return block.state();
    }

    public RoleDescriptor role() {
        return role;
    }

    public DatabaseDescriptor database() {
        return database;
    }

    public Instant backendStart() {
        return backendStart;
    }

    /** pg_stat_activity.state */
    public String activityState() {
        if (running) {
            return "active";
        }
        return switch (block.state()) {
            case IDLE, IMPLICIT -> "idle";
            case BLOCK -> "idle in transaction";
            case FAILED -> "idle in transaction (aborted)";
        };
    }

    /** pg_stat_activity.query: the running or last statement's text. */
    public String currentQuery() {
        return currentQuery;
    }

    public Instant queryStart() {
        return queryStart;
    }

    public Instant transactionStartOrNull() {
        return block.startOrNull();
    }

    /** application_name, safe to read from other threads (pg_stat_activity). */
    public String applicationName() {
        return applicationName;
    }

    // ---------------------------------------------------------------- statements (driven by the protocol)

    /** Splits and parses a query string. */
    public List<ParsedStatement> parse(String sql) {
        return engine.parse(sql);
    }

    /**
     * Before a statement runs: 25P02 in a failed block unless it ends the block, a transaction (implicit when none
     * is open), a fresh snapshot for READ COMMITTED unless a suspended portal resumes, statement_timeout armed.
     */
    public void beginStatement(ParsedStatement statement, String queryText, boolean freshSnapshot) {
        if (block.state() == TransactionState.FAILED && !statement.isTransactionExit()) {
            throw Errors.inFailedTransaction();
        }
        // one clock reading, in PostgreSQL's microseconds: a transaction begun by this statement starts when it
        // does (now() = statement_timestamp() in autocommit)
        statementStart = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        queryStart = statementStart;
        currentQuery = queryText;
        statementKind = StatementKind.of(statement.sql());
        block.ensureOpen(statementStart);
        if (statementKind == StatementKind.SNAPSHOT) {
            block.snapshotTaken();
        }
        if (block.transaction() != null && freshSnapshot) {
            block.transaction().startStatement();
        }
        running = true;
        interrupts.statementStarted(statementTimeoutMillis);
    }

    /**
     * The protocol runs a query string of several statements: they share one implicit transaction block
     * ({@link #inTransactionBlock()}) until {@code false} is passed after the last one.
     */
    public void setImplicitBlock(boolean multiStatement) {
        this.implicitBlock = multiStatement;
    }

    @Override
    public boolean inTransactionBlock() {
        return block.state() == TransactionState.BLOCK || block.state() == TransactionState.FAILED || implicitBlock;
    }

    @Override
    public void discardAll() {
        for (Portal p : portals.values()) {
            if (p != activePortal) {
                closeQuietly(p);
            }
        }
        portals.values().removeIf(p -> p != activePortal);
        statements.clear();
        resetAllSettings();
    }

    /** Plans a statement (the transaction must be open: the analyzer reads the catalog through it). */
    public PreparedPlan plan(ParsedStatement statement, int[] parameterTypes) {
        return engine.prepare(statement, parameterTypes, this);
    }

    /**
     * The statement completed. {@code endOfImplicitBlock}: the query string ends here, so an implicit transaction
     * commits (a commit failure is this statement's error).
     */
    public void endStatement(boolean endOfImplicitBlock) {
        statementDone();
        if (endOfImplicitBlock) {
            block.commitImplicit();
        }
    }

    /** The statement failed: an implicit transaction rolls back, an explicit block becomes failed. */
    public void abortStatement() {
        statementDone();
        block.abort();
    }

    /** Sync: the extended-protocol batch's implicit transaction commits. */
    public void sync() {
        block.commitImplicit();
    }

    /** The connection ends: whatever is open rolls back. */
    public void close() {
        statementDone();
        interrupts.cancelIdleTimer();
        block.close();
        for (Portal p : portals.values()) {
            closeQuietly(p);
        }
        portals.clear();
        statements.clear();
    }

    /** The portal being executed; not closed when the statement itself ends the transaction (COMMIT). */
    public void setActivePortal(Portal portal) {
        this.activePortal = portal;
    }

    private void statementDone() {
        running = false;
        interrupts.statementFinished();
    }

    private void closePortalsExceptActive() {
        List<Portal> open = new ArrayList<>(portals.values());
        portals.values().removeIf(p -> p != activePortal);
        for (Portal p : open) {
            if (p != activePortal) {
                closeQuietly(p);
            }
        }
    }

    private static void closeQuietly(Portal p) {
        try {
            p.close();
        } catch (RuntimeException ignored) {
            // an execution that fails to close must not keep the transaction from ending
        }
    }

    // ---------------------------------------------------------------- prepared statements and portals

    /** Parse: a named statement must be new; the unnamed one is replaced. */
    public PreparedStatement prepare(String name, String sql, int[] parameterTypes) {
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new PgException(SqlState.DUPLICATE_PREPARED_STATEMENT,
                    "prepared statement \"" + name + "\" already exists");
        }
        List<ParsedStatement> parsed = engine.parse(sql);
        if (parsed.size() > 1) {
            throw new PgException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        PreparedStatement prepared;
        if (parsed.isEmpty()) {
            prepared = new PreparedStatement(name, sql, null);
        } else {
            ParsedStatement statement = parsed.get(0);
            if (block.state() == TransactionState.FAILED && !statement.isTransactionExit()) {
                throw Errors.inFailedTransaction();
            }
            block.ensureOpen();
            if (block.transaction() != null) {
                block.transaction().startStatement();
            }
            if (StatementKind.of(statement.sql()) == StatementKind.SNAPSHOT) {
                block.snapshotTaken(); // parse analysis of a query takes a snapshot, as in PostgreSQL
            }
            prepared = new PreparedStatement(name, sql, engine.prepare(statement, parameterTypes, this));
        }
        statements.put(name, prepared);
        return prepared;
    }

    /** 26000 {@code prepared statement "x" does not exist} */
    public PreparedStatement statement(String name) {
        PreparedStatement s = statements.get(name);
        if (s == null) {
            throw new PgException(SqlState.INVALID_SQL_STATEMENT_NAME,
                    "prepared statement \"" + name + "\" does not exist");
        }
        return s;
    }

    public void closeStatement(String name) {
        statements.remove(name);
    }

    /** Bind: a named portal must be new; the unnamed one is replaced. */
    public Portal bind(String portalName, PreparedStatement statement, Object[] parameters, short[] resultFormats) {
        if (block.state() == TransactionState.FAILED && (statement.isEmpty() || !statement.plan().statement()
                .isTransactionExit())) {
            throw Errors.inFailedTransaction();
        }
        Portal existing = portals.get(portalName);
        if (existing != null) {
            if (!portalName.isEmpty()) {
                throw new PgException(SqlState.DUPLICATE_CURSOR, "cursor \"" + portalName + "\" already exists");
            }
            closeQuietly(existing);
        }
        block.ensureOpen();
        Portal portal = new Portal(portalName, statement, parameters, resultFormats);
        portals.put(portalName, portal);
        return portal;
    }

    /** 34000 {@code portal "x" does not exist} */
    public Portal portal(String name) {
        Portal p = portals.get(name);
        if (p == null) {
            throw new PgException(SqlState.INVALID_CURSOR_NAME, "portal \"" + name + "\" does not exist");
        }
        return p;
    }

    public void closePortal(String name) {
        Portal p = portals.remove(name);
        if (p != null) {
            closeQuietly(p);
        }
    }

    /** ParameterStatus pairs owed to the client. */
    public List<String[]> drainParameterReports() {
        return settings.drainReports();
    }

    /** Called when the session starts waiting for the client (ReadyForQuery sent). */
    public void idle() {
        boolean inBlock = block.state() == TransactionState.BLOCK || block.state() == TransactionState.FAILED;
        interrupts.idle(inBlock, inBlock ? idleInTransactionTimeoutMillis : idleSessionTimeoutMillis);
    }

    // ---------------------------------------------------------------- settings

    private void settingsChanged() {
        String dateStyle = settings.value("DateStyle");
        int comma = dateStyle.indexOf(',');
        formatSettings = new FormatSettings(dateStyle.substring(0, comma), dateStyle.substring(comma + 2),
                TimeZoneSetting.zone(settings.value("TimeZone")), settings.value("IntervalStyle"),
                Integer.parseInt(settings.value("extra_float_digits")), "hex".equals(settings.value("bytea_output")));
        statementTimeoutMillis = DurationSetting.millis(settings.value("statement_timeout"));
        idleInTransactionTimeoutMillis = DurationSetting.millis(settings.value("idle_in_transaction_session_timeout"));
        idleSessionTimeoutMillis = DurationSetting.millis(settings.value("idle_session_timeout"));
        block.setLockTimeout(DurationSetting.millis(settings.value("lock_timeout")));
        applicationName = settings.value("application_name");
        clientMinMessagesRank = messageRank(settings.value("client_min_messages"));
    }

    private static int messageRank(String level) {
        return switch (level) {
            case "debug5", "debug4", "debug3", "debug2", "debug1" -> 0;
            case "log" -> 1;
            case "notice" -> 2;
            case "warning" -> 3;
            default -> 4;
        };
    }

    @Override
    public String setting(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("transaction_isolation") || lower.equals("transaction_read_only")) {
            return block.characteristic(lower);
        }
        return settings.get(name);
    }

    @Override
    public void setSetting(String name, String value, boolean local) {
        applySetting(name, value, local);
    }

    @Override
    public void setSettingValues(String name, List<?> values, boolean local) {
        applySetting(name, values == null ? null : SessionSettings.flatten(name, values), local);
    }

    private void applySetting(String name, String value, boolean local) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        // WarnNoTransactionBlock: SET LOCAL (and SET TRANSACTION, which the engine passes as SET LOCAL of
        // transaction_*) outside BEGIN ... COMMIT and outside a multi-statement query; set_config(..., true) called
        // by a query is silent
        boolean warn = local && statementKind == StatementKind.SET && !inTransactionBlock();
        if (lower.equals("transaction_isolation") || lower.equals("transaction_read_only")) {
            if (warn) {
                warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "SET TRANSACTION can only be used in transaction blocks");
            }
            block.setCharacteristic(lower, value);
            return;
        }
        if (warn) {
            warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "SET LOCAL can only be used in transaction blocks");
        }
        settings.set(name, value, local, role.superuser());
        if (value != null && lower.equals("application_name")) {
            String clean = SettingDefinitions.cleanAscii(value);
            if (clean.length() > 63) {
                // truncate_identifier's notice, as PostgreSQL gives it for a name of more than NAMEDATALEN - 1
                notice(new PgException(SqlState.NAME_TOO_LONG, Severity.NOTICE, "identifier \"" + clean
                        + "\" will be truncated to \"" + clean.substring(0, 63) + "\"", null, null, 0, null, null,
                        null, null, null));
            }
        }
    }

    @Override
    public void resetAllSettings() {
        settings.resetAll(role.superuser());
    }

    @Override
    public List<String[]> allSettings() {
        return settings.all();
    }

    @Override
    public FormatSettings formatSettings() {
        return formatSettings;
    }

    @Override
    public List<String> searchPath() {
        List<String> out = new ArrayList<>();
        for (String element : SearchPath.split(settings.value("search_path"))) {
            // recomputeNamespacePath: "$user" is the schema named as the session user if there is one; names of
            // schemas that do not exist are left out (current_schema() is then the first existing one, or NULL)
            String schema = element.equals("$user") ? role.name() : element;
            if (SearchPath.schemaExists(schema) && !out.contains(schema)) {
                out.add(schema);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- ExecutionContext

    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public Transaction transaction() {
        return block.transaction();
    }

    @Override
    public int databaseOid() {
        return database.oid();
    }

    @Override
    public String databaseName() {
        return database.name();
    }

    @Override
    public String currentUser() {
        return role.name();
    }

    @Override
    public String sessionUser() {
        return role.name();
    }

    @Override
    public boolean isSuperuser() {
        return role.superuser();
    }

    @Override
    public int backendPid() {
        return pid;
    }

    @Override
    public void checkForInterrupts() {
        interrupts.check();
    }

    @Override
    public void sleep(long nanos) {
        interrupts.sleep(nanos);
    }

    @Override
    public Instant transactionStartTimestamp() {
        Instant start = block.startOrNull();
        return start != null ? start : Instant.now();
    }

    @Override
    public Instant statementStartTimestamp() {
        return statementStart != null ? statementStart : Instant.now();
    }

    @Override
    public void beginTransactionBlock(IsolationLevel isolationLevel, Boolean readOnly) {
        block.begin(isolationLevel, readOnly);
    }

    @Override
    public String commitTransactionBlock() {
        return block.commit();
    }

    @Override
    public void rollbackTransactionBlock() {
        block.rollback();
    }

    // Savepoints (xact.c DefineSavepoint, ReleaseSavepoint, RollbackToSavepoint); settings follow them as
    // PostgreSQL's GUC nest levels do.

    @Override
    public void defineSavepoint(String name) {
        block.defineSavepoint(name);
    }

    @Override
    public void releaseSavepoint(String name) {
        block.releaseSavepoint(name);
    }

    @Override
    public void rollbackToSavepoint(String name) {
        block.rollbackToSavepoint(name);
    }

    @Override
    public boolean cancelBackend(int targetPid) {
        Session target = signalTarget(targetPid, "must be a superuser to cancel superuser query",
                "must be a member of the role whose query is being canceled or member of pg_signal_backend");
        if (target == null) {
            return false;
        }
        target.interrupts().cancel();
        return true;
    }

    @Override
    public boolean terminateBackend(int targetPid) {
        Session target = signalTarget(targetPid, "must be a superuser to terminate superuser process",
                "must be a member of the role whose process is being terminated or member of pg_signal_backend");
        if (target == null) {
            return false;
        }
        target.interrupts().terminate();
        return true;
    }

    /** pg_signal_backend's checks (src/backend/storage/ipc/signalfuncs.c). */
    private Session signalTarget(int targetPid, String superuserMessage, String roleMessage) {
        Session target = directory.find(targetPid);
        if (target == null) {
            warning(SqlState.WARNING, "PID " + targetPid + " is not a PostgreSQL backend process");
            return null;
        }
        if (target.isSuperuser() && !isSuperuser()) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, superuserMessage);
        }
        if (!isSuperuser() && !target.sessionUser().equals(currentUser())) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, roleMessage);
        }
        return target;
    }

    @Override
    public void notice(PgException notice) {
        int rank = switch (notice.severity()) {
            case DEBUG -> 0;
            case LOG -> 1;
            case NOTICE -> 2;
            case WARNING -> 3;
            case INFO -> Integer.MAX_VALUE; // INFO always reaches the client
            case ERROR, FATAL, PANIC -> 4;
        };
        if (rank >= clientMinMessagesRank) {
            noticeSink.notice(notice);
        }
    }

    private void warning(SqlState sqlState, String message) {
        notice(new PgException(sqlState, Severity.WARNING, message, null, null, 0, null, null, null, null, null));
    }
}
