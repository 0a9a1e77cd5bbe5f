package io.tuskdb.sql.executor;

import io.tuskdb.catalog.Catalog;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.Execution;
import io.tuskdb.sql.analyzer.BoundStatement;
import io.tuskdb.storage.TableLayout;

/** CREATE TABLE ... AS: creates the table, then inserts the query's rows; tag "SELECT n" as PostgreSQL. */
public final class CreateTableAsExecution implements Execution {
    private final ExecState st;
    private final BoundStatement.CreateTableAs statement;
    private final OpFactory query;
    private String tag;

    public CreateTableAsExecution(ExecState st, BoundStatement.CreateTableAs statement, OpFactory query) {
        this.st = st;
        this.statement = statement;
        this.query = query;
    }

    @Override
    public Object[] next() {
        if (tag != null) {
            return null;
        }
        Catalog catalog = st.context.cluster().catalog();
        if (statement.ifNotExists() && catalog.table(st.transaction, st.context.databaseOid(), statement.schema(),
                statement.name()).isPresent()) {
            st.context.notice(new PgException(SqlState.DUPLICATE_TABLE, Severity.NOTICE, "relation \""
                    + statement.name() + "\" already exists, skipping", null, null, 0, null, null, null, null, null));
            tag = "CREATE TABLE AS";
            return null;
        }
        TableDescriptor table = catalog.createTable(st.transaction, st.context.databaseOid(), statement.schema(),
                statement.name(), statement.columns(), new int[0]);
        long count = 0;
        if (statement.withData()) {
            TableLayout layout = table.layout();
            try (RowSource rows = query.open(st)) {
                for (Object[] r; (r = rows.next()) != null; ) {
                    st.context.checkForInterrupts();
                    st.tables.insert(st.transaction, layout, r);
                    count++;
                }
            }
        }
        tag = "SELECT " + count;
        return null;
    }

    @Override
    public String commandTag() {
        return tag;
    }

    @Override
    public void close() {
    }
}
