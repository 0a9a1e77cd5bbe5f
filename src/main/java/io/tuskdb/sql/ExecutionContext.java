package io.tuskdb.sql;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.error.PgException;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.FormatSettings;

import java.time.Instant;
import java.util.List;

/**
 * What the SQL engine may ask of the session it runs in. Implemented by the session; the engine never sees the
 * protocol or the server.
 */
public interface ExecutionContext {
    Cluster cluster();

    /** The current transaction (the explicit block's or the implicit one); never null while a statement runs. */
    Transaction transaction();

    int databaseOid();

    String databaseName();

    String currentUser();

    String sessionUser();

    boolean isSuperuser();

    /** This session's process id, as in BackendKeyData. */
    int backendPid();

    FormatSettings formatSettings();

    /** The schemas of search_path that exist, in order ("$user" resolved). */
    List<String> searchPath();

    /** current_setting(name) / SHOW name; 42704 "unrecognized configuration parameter" for unknown names. */
    String setting(String name);

    /** SET [LOCAL] name TO value / set_config; {@code value} null means RESET. */
    void setSetting(String name, String value, boolean local);

    /** RESET ALL. */
    void resetAllSettings();

    /** SHOW ALL rows: name, setting, description. */
    List<String[]> allSettings();

    /** PostgreSQL's CHECK_FOR_INTERRUPTS: throws 57014 on cancel or statement_timeout, 57P01 on terminate. */
    void checkForInterrupts();

    /** Sleeps (pg_sleep) while staying responsive to interrupts. */
    void sleep(long nanos);

    Instant transactionStartTimestamp();

    Instant statementStartTimestamp();

    /** BEGIN / START TRANSACTION; null arguments keep the defaults. Warns 25001 inside a block. */
    void beginTransactionBlock(IsolationLevel isolationLevel, Boolean readOnly);

    /** COMMIT / END: returns the tag, "COMMIT", or "ROLLBACK" when the block had failed. Warns 25P01 outside. */
    String commitTransactionBlock();

    /** ROLLBACK / ABORT. Warns 25P01 outside a block. */
    void rollbackTransactionBlock();

    /** pg_cancel_backend */
    boolean cancelBackend(int pid);

    /** pg_terminate_backend */
    boolean terminateBackend(int pid);

    /** Sends a NoticeResponse (a PgException with severity WARNING, NOTICE or INFO). */
    void notice(PgException notice);

    // ---- additions by the protocol helper (defaults keep other implementations compiling)

    /** SAVEPOINT name: 25P01 outside a transaction block. */
    default void defineSavepoint(String name) {
        throw io.tuskdb.error.Errors.featureNotSupported("savepoints");
    }

    /** RELEASE [SAVEPOINT] name: destroys it and every later one; 3B001 when there is none of that name. */
    default void releaseSavepoint(String name) {
        throw io.tuskdb.error.Errors.featureNotSupported("savepoints");
    }

    /**
     * ROLLBACK TO [SAVEPOINT] name: undoes everything since, keeps the savepoint, and leaves a failed block
     * (a transaction exit); 3B001 when there is none of that name.
     */
    default void rollbackToSavepoint(String name) {
        throw io.tuskdb.error.Errors.featureNotSupported("savepoints");
    }

    /**
     * PostgreSQL's PreventInTransactionBlock test: true inside BEGIN ... COMMIT and inside the implicit block of a
     * multi-statement query string, where VACUUM, CREATE DATABASE and friends fail with 25001
     * "X cannot run inside a transaction block".
     */
    default boolean inTransactionBlock() {
        return false;
    }

    /**
     * SET [LOCAL] name TO v1, v2, ... with the statement's values as written: a String for a string constant or
     * an identifier, a Number (or its literal text in a non-String object) for a numeric constant; {@code values}
     * null means SET ... TO DEFAULT. The session flattens them as PostgreSQL's flatten_set_variable_args (quoting
     * search_path's names, 22023 "SET x takes only one argument" for non-list parameters) and warns about SET LOCAL
     * outside a transaction block; {@link #setSetting} is set_config's raw-string form, silent there.
     */
    default void setSettingValues(String name, List<?> values, boolean local) {
        setSetting(name, values == null ? null : values.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")), local);
    }

    /** DISCARD ALL: closes portals and prepared statements and resets every setting (the caller checks 25001). */
    default void discardAll() {
        throw io.tuskdb.error.Errors.featureNotSupported("DISCARD ALL");
    }
}
