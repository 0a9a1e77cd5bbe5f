package io.tuskdb.sql.executor;

import io.tuskdb.catalog.Catalog;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.Execution;
import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.sql.analyzer.BoundStatement;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Statements executed through the session and the catalog rather than operators: transaction control, SET /
 * RESET / SHOW, CREATE TABLE, DROP TABLE, and EXPLAIN's precomputed lines. Runs on the first {@link #next()}.
 */
public final class UtilityExecution implements Execution {
    private final ExecutionContext ctx;
    private final BoundStatement statement;
    private final List<String> explainLines;
    private Iterator<Object[]> rows;
    private String tag;

    public UtilityExecution(ExecutionContext ctx, BoundStatement statement, List<String> explainLines) {
        this.ctx = ctx;
        this.statement = statement;
        this.explainLines = explainLines;
    }

    @Override
    public Object[] next() {
        if (rows == null) {
            rows = run().iterator();
        }
        return rows.hasNext() ? rows.next() : null;
    }

    private List<Object[]> run() {
        List<Object[]> out = new ArrayList<>();
        switch (statement) {
            case BoundStatement.Begin b -> {
                ctx.beginTransactionBlock(b.isolation(), b.readOnly());
                tag = b.start() ? "START TRANSACTION" : "BEGIN";
            }
            case BoundStatement.Commit c -> tag = ctx.commitTransactionBlock();
            case BoundStatement.Rollback r -> {
                ctx.rollbackTransactionBlock();
                tag = "ROLLBACK";
            }
            case BoundStatement.Savepoint s -> {
                switch (s.action()) {
                    case DEFINE -> {
                        ctx.defineSavepoint(s.name());
                        tag = "SAVEPOINT";
                    }
                    case RELEASE -> {
                        ctx.releaseSavepoint(s.name());
                        tag = "RELEASE";
                    }
                    case ROLLBACK_TO -> {
                        ctx.rollbackToSavepoint(s.name());
                        tag = "ROLLBACK";
                    }
                }
            }
            case BoundStatement.Discard d -> {
                // only ALL has state to discard; plans re-check their tables and there are no sequences or
                // temporary tables yet
                if (d.target().equals("ALL")) {
                    if (ctx.inTransactionBlock()) {
                        throw new PgException(SqlState.ACTIVE_SQL_TRANSACTION,
                                "DISCARD ALL cannot run inside a transaction block");
                    }
                    ctx.discardAll();
                }
                tag = "DISCARD " + d.target();
            }
            case BoundStatement.Set s -> {
                ctx.setSettingValues(s.name(), s.values(), s.local());
                tag = "SET";
            }
            case BoundStatement.SetTransaction s -> {
                for (int i = 0; i < s.names().size(); i++) {
                    ctx.setSetting(s.names().get(i), s.values().get(i), s.local());
                }
                tag = "SET";
            }
            case BoundStatement.Reset r -> {
                if (r.name() == null) {
                    ctx.resetAllSettings();
                } else {
                    ctx.setSetting(r.name(), null, false);
                }
                tag = "RESET";
            }
            case BoundStatement.Show s -> {
                if (s.name() == null) {
                    out.addAll(ctx.allSettings());
                } else {
                    out.add(new Object[]{ctx.setting(s.name())});
                }
                tag = "SHOW";
            }
            case BoundStatement.CreateTable c -> {
                createTable(c);
                tag = "CREATE TABLE";
            }
            case BoundStatement.DropTable d -> {
                dropTables(d);
                tag = "DROP TABLE";
            }
            case BoundStatement.Truncate t -> {
                for (TableDescriptor table : t.tables()) {
                    ctx.cluster().tables().deleteAll(ctx.transaction(), table.oid());
                }
                tag = "TRUNCATE TABLE";
            }
            case BoundStatement.Explain e -> {
                for (String line : explainLines) {
                    out.add(new Object[]{line});
                }
                tag = "EXPLAIN";
            }
            default -> throw new IllegalStateException("not a utility statement: " + statement);
        }
        return out;
    }

    private void createTable(BoundStatement.CreateTable c) {
        Catalog catalog = ctx.cluster().catalog();
        if (c.ifNotExists() && catalog.table(ctx.transaction(), ctx.databaseOid(), c.schema(), c.name()).isPresent()) {
            ctx.notice(new PgException(SqlState.DUPLICATE_TABLE, Severity.NOTICE,
                    "relation \"" + c.name() + "\" already exists, skipping", null, null, 0, null, null, null, null, null));
            return;
        }
        catalog.createTable(ctx.transaction(), ctx.databaseOid(), c.schema(), c.name(), c.columns(), c.primaryKey(),
                c.primaryKeyName());
    }

    /** RemoveRelations: every name is looked up first, then the distinct tables are dropped (DROP TABLE t, t). */
    private void dropTables(BoundStatement.DropTable d) {
        Catalog catalog = ctx.cluster().catalog();
        java.util.Map<Integer, TableDescriptor> found = new java.util.LinkedHashMap<>();
        for (BoundStatement.QualifiedName n : d.names()) {
            Optional<TableDescriptor> t = Optional.empty();
            if (n.schema() != null) {
                if (!catalog.schemaExists(ctx.transaction(), ctx.databaseOid(), n.schema())) {
                    // DropErrorMsgNonExistent: a missing schema is reported instead of the table
                    String message = "schema \"" + n.schema() + "\" does not exist";
                    if (d.ifExists()) {
                        ctx.notice(new PgException(SqlState.SUCCESSFUL_COMPLETION, Severity.NOTICE,
                                message + ", skipping", null, null, 0, null, null, null, null, null));
                        continue;
                    }
                    throw new PgException(SqlState.INVALID_SCHEMA_NAME, message);
                }
                t = catalog.table(ctx.transaction(), ctx.databaseOid(), n.schema(), n.name());
            } else {
                for (String schema : ctx.searchPath()) {
                    t = catalog.table(ctx.transaction(), ctx.databaseOid(), schema, n.name());
                    if (t.isPresent()) {
                        break;
                    }
                }
            }
            String shown = n.name(); // PostgreSQL names the relation without its schema here
            if (t.isEmpty() && isPrimaryKeyIndex(n)) {
                // the name is a relation, just not a table (RangeVarCallbackForDropRelation), IF EXISTS or not
                throw new PgException(SqlState.WRONG_OBJECT_TYPE, "\"" + n.name() + "\" is not a table")
                        .withHint("Use DROP INDEX to remove an index.");
            }
            if (t.isEmpty()) {
                if (d.ifExists()) {
                    ctx.notice(new PgException(SqlState.SUCCESSFUL_COMPLETION, Severity.NOTICE,
                            "table \"" + shown + "\" does not exist, skipping", null, null, 0, null, null, null, null, null));
                    continue;
                }
                throw new PgException(SqlState.UNDEFINED_TABLE, "table \"" + shown + "\" does not exist");
            }
            found.putIfAbsent(t.get().oid(), t.get());
        }
        for (TableDescriptor t : found.values()) {
            catalog.dropTable(ctx.transaction(), t);
        }
    }

    /** Whether the name is a primary key's index, in the given schema or the first of search_path holding it. */
    private boolean isPrimaryKeyIndex(BoundStatement.QualifiedName n) {
        List<String> schemas = n.schema() != null ? List.of(n.schema()) : ctx.searchPath();
        for (String schema : schemas) {
            for (TableDescriptor t : ctx.cluster().catalog().tables(ctx.transaction(), ctx.databaseOid())) {
                if (t.schema().equals(schema) && n.name().equals(t.primaryKeyName())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String commandTag() {
        return tag;
    }

    @Override
    public void close() {
    }
}
