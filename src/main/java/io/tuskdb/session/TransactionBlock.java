package io.tuskdb.session;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.session.settings.SessionSettings;
import io.tuskdb.session.settings.SettingDefinitions;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.Transaction;
import io.tuskdb.txn.TransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's transaction block, PostgreSQL's xact.c state machine as a client sees it ({@link TransactionState}):
 * the storage transaction it owns, BEGIN / COMMIT / ROLLBACK with PostgreSQL's warnings, SET TRANSACTION,
 * savepoints, and the settings' commit and rollback. Used by its session's thread only, except the volatile
 * {@link #state()} and {@link #startOrNull()} (pg_stat_activity).
 */
final class TransactionBlock {
    private final TransactionManager transactions;
    private final SessionSettings settings;
    private final Interrupts interrupts;
    private final NoticeSink notices;
    /** Runs when a transaction ends or fails (the session closes its portals). */
    private final Runnable onEnd;

    private volatile TransactionState state = TransactionState.IDLE;
    private volatile Instant start;
    private Transaction transaction;
    /** Savepoint names, oldest first; each matches one save point of the storage transaction. */
    private final List<String> savepoints = new ArrayList<>();
    private long lockTimeoutMillis;
    /**
     * PostgreSQL's FirstSnapshotSet: a statement of the open transaction took a snapshot (a query, DML, most
     * utility statements), after which its isolation level and read-write mode are fixed.
     */
    private boolean snapshotTaken;

    TransactionBlock(TransactionManager transactions, SessionSettings settings, Interrupts interrupts,
                     NoticeSink notices, Runnable onEnd) {
        this.transactions = transactions;
        this.settings = settings;
        this.interrupts = interrupts;
        this.notices = notices;
        this.onEnd = onEnd;
    }

    TransactionState state() {
        return state;
    }

    /** The storage transaction, or null when none is open (idle, or a failed block without savepoints). */
    Transaction transaction() {
        return transaction;
    }

    Instant startOrNull() {
        return start;
    }

    /** The running statement takes a snapshot (see {@link #snapshotTaken}). */
    void snapshotTaken() {
        if (transaction != null) {
            snapshotTaken = true;
        }
    }

    /** Opens an implicit transaction when none is open. */
    void ensureOpen() {
        ensureOpen(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /** Opens an implicit transaction starting at {@code now} (the statement's start) when none is open. */
    void ensureOpen(Instant now) {
        if (state == TransactionState.IDLE) {
            snapshotTaken = false;
            transaction = transactions.begin(isolation(settings.value("default_transaction_isolation")),
                    "on".equals(settings.value("default_transaction_read_only")));
            configure(transaction);
            start = now;
            state = TransactionState.IMPLICIT;
        }
    }

    /** Commits an implicit transaction (end of query string, Sync); a failed commit rolls back and rethrows. */
    void commitImplicit() {
        if (state != TransactionState.IMPLICIT) {
            return;
        }
        try {
            end(true, TransactionState.IDLE);
        } catch (RuntimeException e) {
            end(false, TransactionState.IDLE);
            throw e;
        }
    }

    /** A statement failed: an implicit transaction rolls back, an explicit block becomes failed. */
    void abort() {
        switch (state) {
            case IDLE, FAILED -> {
            }
            case IMPLICIT -> end(false, TransactionState.IDLE);
            case BLOCK -> {
                if (savepoints.isEmpty()) {
                    end(false, TransactionState.FAILED);
                } else {
                    // ROLLBACK TO SAVEPOINT may still revive the block: keep the storage transaction (and its
                    // locks), as PostgreSQL keeps the outer transaction when a subtransaction aborts.
                    state = TransactionState.FAILED;
                    onEnd.run();
                }
            }
        }
    }

    /** The connection ends: whatever is open rolls back. */
    void close() {
        if (transaction != null || state != TransactionState.IDLE) {
            end(false, TransactionState.IDLE);
        }
    }

    /**
     * Ends the open transaction. A commit failure leaves the transaction rolled back and rethrows. Settings keep or
     * undo their transaction's changes.
     */
    private void end(boolean commit, TransactionState next) {
        Transaction tx = transaction;
        transaction = null;
        snapshotTaken = false;
        start = next == TransactionState.FAILED ? start : null;
        state = next;
        savepoints.clear();
        onEnd.run();
        if (tx == null) {
            if (commit) {
                settings.commit();
            } else {
                settings.rollback();
            }
            return;
        }
        if (commit) {
            try {
                tx.commit();
            } catch (RuntimeException e) {
                tx.rollback();
                settings.rollback();
                throw e;
            }
            settings.commit();
        } else {
            tx.rollback();
            settings.rollback();
        }
    }

    /** lock_timeout changed: applies to the following lock waits, also of the open transaction. */
    void setLockTimeout(long millis) {
        this.lockTimeoutMillis = millis;
        if (transaction != null) {
            configure(transaction);
        }
    }

    /** What the storage transaction takes from the session: lock_timeout, synchronous_commit, interrupts. */
    private void configure(Transaction tx) {
        tx.setInterruptCheck(interrupts::check);
        tx.setLockTimeout(lockTimeoutMillis);
        tx.setSynchronousCommit(!"off".equals(settings.value("synchronous_commit")));
    }

    private static IsolationLevel isolation(String value) {
        for (IsolationLevel level : IsolationLevel.values()) {
            if (level.settingValue().equals(value)) {
                return level;
            }
        }
        return IsolationLevel.READ_COMMITTED;
    }

    // ---------------------------------------------------------------- BEGIN, COMMIT, ROLLBACK, SET TRANSACTION

    void begin(IsolationLevel isolationLevel, Boolean readOnly) {
        switch (state) {
            case BLOCK, FAILED -> warning(SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
            case IDLE, IMPLICIT -> {
                // BEGIN's modes are set as SET TRANSACTION sets them, so a BEGIN ISOLATION LEVEL after a query of
                // the same multi-statement string fails as in PostgreSQL; failing, the implicit transaction ends
                ensureOpen();
                if (isolationLevel != null) {
                    setCharacteristic("transaction_isolation", isolationLevel.settingValue());
                }
                if (readOnly != null) {
                    setCharacteristic("transaction_read_only", readOnly ? "on" : "off");
                }
                state = TransactionState.BLOCK;
            }
        }
    }

    /** COMMIT: "COMMIT", or "ROLLBACK" for a failed block; warns outside a block. */
    String commit() {
        switch (state) {
            case IDLE, IMPLICIT -> {
                warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
                end(true, TransactionState.IDLE);
                return "COMMIT";
            }
            case BLOCK -> {
                end(true, TransactionState.IDLE);
                return "COMMIT";
            }
            case FAILED -> {
                end(false, TransactionState.IDLE);
                return "ROLLBACK";
            }
        }
        throw new IllegalStateException(state.name());
    }

    void rollback() {
        if (state == TransactionState.IDLE || state == TransactionState.IMPLICIT) {
            warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
        }
        end(false, TransactionState.IDLE);
    }

    /** SHOW transaction_isolation / transaction_read_only: the open transaction's, else the defaults. */
    String characteristic(String name) {
        if (name.equals("transaction_isolation")) {
            return transaction != null ? transaction.isolationLevel().settingValue()
                    : settings.value("default_transaction_isolation");
        }
        boolean ro = transaction != null ? transaction.readOnly()
                : "on".equals(settings.value("default_transaction_read_only"));
        return ro ? "on" : "off";
    }

    /** SET TRANSACTION ISOLATION LEVEL / READ ONLY: replaces the still unused transaction with a new one. */
    void setCharacteristic(String name, String value) {
        if (transaction == null) {
            return; // a failed block: only its exit statements get here
        }
        // check_XactIsoLevel / check_transaction_read_only (variable.c): also in an implicit transaction, whose
        // later statements the change governs; fixed once a statement took a snapshot
        IsolationLevel level = transaction.isolationLevel();
        boolean readOnly = transaction.readOnly();
        if (name.equals("transaction_isolation")) {
            String v = SettingDefinitions.find(name).normalize(
                    value == null ? settings.value("default_transaction_isolation") : value, null);
            IsolationLevel wanted = isolation(v);
            if (wanted != level && snapshotTaken) {
                throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION,
                        "SET TRANSACTION ISOLATION LEVEL must be called before any query");
            }
            level = wanted;
        } else {
            String v = SettingDefinitions.find(name).normalize(
                    value == null ? settings.value("default_transaction_read_only") : value, null);
            boolean wanted = v.equals("on");
            if (!wanted && readOnly && snapshotTaken) {
                throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION,
                        "transaction read-write mode must be set before any query");
            }
            if (wanted && !readOnly && snapshotTaken) {
                // switching to read-only is allowed at any time: later writes fail, earlier ones still commit
                transaction = new ReadOnlyTransaction(transaction);
                return;
            }
            readOnly = wanted;
        }
        replace(level, readOnly);
    }

    private void replace(IsolationLevel level, boolean readOnly) {
        if (transaction.isolationLevel() == level && transaction.readOnly() == readOnly) {
            return;
        }
        if (transaction.hasWrites() || snapshotTaken) {
            throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
        transaction.rollback();
        transaction = transactions.begin(level, readOnly);
        configure(transaction);
        transaction.startStatement();
    }

    // ---------------------------------------------------------------- savepoints
    // xact.c DefineSavepoint, ReleaseSavepoint, RollbackToSavepoint; settings follow them as PostgreSQL's GUC nest
    // levels do.

    void defineSavepoint(String name) {
        requireBlock("SAVEPOINT");
        transaction.setSavepoint();
        savepoints.add(name);
        settings.savepoint();
    }

    void releaseSavepoint(String name) {
        requireBlock("RELEASE SAVEPOINT");
        int index = savepointIndex(name);
        for (int i = savepoints.size() - 1; i >= index; i--) {
            transaction.releaseSavepoint();
            savepoints.remove(i);
        }
        settings.releaseSavepoint(index);
    }

    void rollbackToSavepoint(String name) {
        if (state != TransactionState.FAILED) {
            requireBlock("ROLLBACK TO SAVEPOINT");
        }
        int index = savepointIndex(name);
        for (int i = savepoints.size() - 1; i >= index; i--) {
            transaction.rollbackToSavepoint();
            savepoints.remove(i);
        }
        transaction.setSavepoint();
        savepoints.add(name);
        settings.rollbackToSavepoint(index);
        state = TransactionState.BLOCK;
    }

    private void requireBlock(String command) {
        if (state != TransactionState.BLOCK || transaction == null) {
            throw new PgException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    command + " can only be used in transaction blocks");
        }
    }

    private int savepointIndex(String name) {
        int index = savepoints.lastIndexOf(name);
        if (index < 0 || transaction == null) {
            throw new PgException(SqlState.INVALID_SAVEPOINT_SPECIFICATION,
                    "savepoint \"" + name + "\" does not exist");
        }
        return index;
    }

    private void warning(SqlState sqlState, String message) {
        notices.notice(new PgException(sqlState, Severity.WARNING, message, null, null, 0, null, null, null, null,
                null));
    }
}
