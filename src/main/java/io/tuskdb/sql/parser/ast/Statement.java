package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * One SQL statement as written (gram.y's stmt). The larger statements have their own files; utility statements
 * whose shape is a line or two are nested here.
 */
public sealed interface Statement permits Select, Insert, Update, Delete, CreateTable, CreateTableAs, Drop, CreateIndex,
        CreateView, AlterTable, Copy, Statement.Begin, Statement.Commit, Statement.Rollback, Statement.Savepoint,
        Statement.ReleaseSavepoint, Statement.RollbackToSavepoint, Statement.PrepareTransaction,
        Statement.CommitPrepared, Statement.RollbackPrepared, Statement.SetTransaction,
        Statement.SetSessionCharacteristics, Statement.VariableSet, Statement.VariableShow, Statement.VariableReset,
        Statement.Explain, Statement.Truncate, Statement.Prepare, Statement.Execute, Statement.Deallocate,
        Statement.CreateSchema, Statement.CreateSequence, Statement.AlterSequence, Statement.Listen,
        Statement.Notify, Statement.Unlisten, Statement.Discard, Statement.Checkpoint, Statement.Vacuum {

    /**
     * COMMIT, END, ROLLBACK, ABORT, ROLLBACK TO SAVEPOINT, PREPARE TRANSACTION, COMMIT/ROLLBACK PREPARED: the
     * statements PostgreSQL still accepts in an aborted transaction block (postgres.c IsTransactionExitStmt).
     */
    default boolean isTransactionExit() {
        return this instanceof Commit || this instanceof Rollback || this instanceof RollbackToSavepoint
                || this instanceof PrepareTransaction || this instanceof CommitPrepared
                || this instanceof RollbackPrepared;
    }

    /** The transaction exits plus BEGIN / START TRANSACTION, SAVEPOINT and RELEASE (TransactionStmt). */
    default boolean isTransactionControl() {
        return isTransactionExit() || this instanceof Begin || this instanceof Savepoint
                || this instanceof ReleaseSavepoint;
    }

    enum IsolationLevel { READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE }

    /** Transaction modes; each is null when not written. */
    record TransactionModes(IsolationLevel isolation, Boolean readOnly, Boolean deferrable) {
        public static final TransactionModes NONE = new TransactionModes(null, null, null);
    }

    /**
     * BEGIN [WORK | TRANSACTION] [modes] and START TRANSACTION [modes] ({@code start}: written as START TRANSACTION,
     * which PostgreSQL reports with its own command tag).
     */
    record Begin(TransactionModes modes, boolean start) implements Statement {
        public Begin(TransactionModes modes) {
            this(modes, false);
        }
    }

    /** COMMIT and END [WORK | TRANSACTION] [AND [NO] CHAIN]. */
    record Commit(boolean chain) implements Statement {
    }

    /** ROLLBACK and ABORT [WORK | TRANSACTION] [AND [NO] CHAIN]. */
    record Rollback(boolean chain) implements Statement {
    }

    record Savepoint(String name) implements Statement {
    }

    record ReleaseSavepoint(String name) implements Statement {
    }

    record RollbackToSavepoint(String name) implements Statement {
    }

    record PrepareTransaction(String gid) implements Statement {
    }

    record CommitPrepared(String gid) implements Statement {
    }

    record RollbackPrepared(String gid) implements Statement {
    }

    /** SET TRANSACTION modes, or SET TRANSACTION SNAPSHOT 'id' ({@code snapshot} non-null). */
    record SetTransaction(TransactionModes modes, String snapshot) implements Statement {
    }

    /** SET SESSION CHARACTERISTICS AS TRANSACTION modes. */
    record SetSessionCharacteristics(TransactionModes modes) implements Statement {
    }

    /**
     * {@code SET [SESSION | LOCAL] name TO|= value, ... | DEFAULT}, with gram.y's special forms mapped to their
     * parameter: TIME ZONE → timezone, NAMES → client_encoding, SCHEMA → search_path, SESSION AUTHORIZATION →
     * session_authorization, ROLE → role, XML OPTION → xmloption. Values are literals: identifiers and ON/OFF
     * words become {@link Expr.StringLiteral}s as in PostgreSQL's var_value; SET TIME ZONE INTERVAL gives a
     * {@link Expr.TypedLiteral}. {@code values} is empty when {@code isDefault} (also SET TIME ZONE LOCAL).
     * {@code fromCurrent} is SET ... FROM CURRENT.
     */
    record VariableSet(String name, List<Expr> values, boolean isDefault, boolean local, boolean fromCurrent)
            implements Statement {
        public VariableSet {
            values = List.copyOf(values);
        }
    }

    /** SHOW name; SHOW ALL has name "all"; SHOW TIME ZONE → timezone, TRANSACTION ISOLATION LEVEL → transaction_isolation. */
    record VariableShow(String name) implements Statement {
    }

    /** RESET name; RESET ALL has name "all". */
    record VariableReset(String name) implements Statement {
    }

    /** EXPLAIN [(options)] statement; the old ANALYZE / VERBOSE keywords become options with no value. */
    record Explain(List<Option> options, Statement statement) implements Statement {
        public Explain {
            options = List.copyOf(options);
        }
    }

    /** TRUNCATE [TABLE] [ONLY] names [RESTART | CONTINUE IDENTITY] [CASCADE | RESTRICT]. */
    record Truncate(List<QualifiedName> tables, boolean restartIdentity, boolean cascade) implements Statement {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /** PREPARE name [(types)] AS statement; {@code statementText} is the prepared statement's own text. */
    record Prepare(String name, List<TypeName> argTypes, Statement statement, String statementText)
            implements Statement {
        public Prepare {
            argTypes = List.copyOf(argTypes);
        }
    }

    record Execute(String name, List<Expr> params) implements Statement {
        public Execute {
            params = List.copyOf(params);
        }
    }

    /** DEALLOCATE [PREPARE] name | ALL ({@code name} null for ALL). */
    record Deallocate(String name) implements Statement {
    }

    /** CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role]; {@code name} defaults to the role. */
    record CreateSchema(String name, boolean ifNotExists, String authorization) implements Statement {
    }

    record CreateSequence(QualifiedName name, Persistence persistence, boolean ifNotExists,
                          List<SequenceOption> options) implements Statement {
        public CreateSequence {
            options = List.copyOf(options);
        }
    }

    record AlterSequence(QualifiedName name, boolean ifExists, List<SequenceOption> options) implements Statement {
        public AlterSequence {
            options = List.copyOf(options);
        }
    }

    record Listen(String channel) implements Statement {
    }

    /** NOTIFY channel [, 'payload']; payload null when absent. */
    record Notify(String channel, String payload) implements Statement {
    }

    /** UNLISTEN channel | * ({@code channel} null for *). */
    record Unlisten(String channel) implements Statement {
    }

    enum DiscardTarget { ALL, PLANS, SEQUENCES, TEMP }

    record Discard(DiscardTarget target) implements Statement {
    }

    record Checkpoint() implements Statement {
    }

    /**
     * VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [tables] / VACUUM (options) [tables], and ANALYZE [VERBOSE]
     * [tables] ({@code vacuum} false). Legacy keywords become options; a table's column list is not kept.
     */
    record Vacuum(boolean vacuum, List<Option> options, List<QualifiedName> tables) implements Statement {
        public Vacuum {
            options = List.copyOf(options);
            tables = List.copyOf(tables);
        }
    }
}
