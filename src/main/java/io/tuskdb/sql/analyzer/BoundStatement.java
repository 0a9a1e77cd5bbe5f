package io.tuskdb.sql.analyzer;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.txn.IsolationLevel;

import java.util.List;

/** An analysed statement. */
public sealed interface BoundStatement {

    record Query(BoundQuery query) implements BoundStatement {
    }

    /**
     * INSERT: {@code source} produces rows of the table's full width (defaults and assignment casts applied);
     * {@code returning} reads the inserted row.
     */
    record Insert(TableDescriptor table, BoundQuery source, OnConflict onConflict, List<BoundExpr> returning,
                  List<ResultColumn> returningColumns) implements BoundStatement {
    }

    /**
     * ON CONFLICT on the primary key: DO NOTHING, or DO UPDATE with {@code assignments} (per column, null =
     * unchanged) and {@code where}, reading the existing row followed by the proposed (EXCLUDED) row.
     */
    record OnConflict(boolean doNothing, List<BoundExpr> assignments, BoundExpr where) {
    }

    /** UPDATE: {@code assignments} (per column, null = unchanged) and {@code where} read the old table row. */
    record Update(TableDescriptor table, String alias, BoundQuery.From from, BoundExpr where,
                  List<BoundExpr> assignments, List<BoundExpr> returning, List<ResultColumn> returningColumns)
            implements BoundStatement {
    }

    /**
     * DELETE. With {@code from} (UPDATE ... FROM / DELETE ... USING) the other expressions read the target row
     * followed by the FROM items' row.
     */
    record Delete(TableDescriptor table, String alias, BoundQuery.From from, BoundExpr where,
                  List<BoundExpr> returning, List<ResultColumn> returningColumns) implements BoundStatement {
    }

    /** {@code primaryKeyName}: the CONSTRAINT name given to the primary key, or null for PostgreSQL's default. */
    record CreateTable(String schema, String name, List<ColumnDescriptor> columns, int[] primaryKey,
                       String primaryKeyName, boolean ifNotExists) implements BoundStatement {
    }

    /** CREATE TABLE ... AS query [WITH [NO] DATA]: a table of the query's columns, filled with its rows. */
    record CreateTableAs(String schema, String name, List<ColumnDescriptor> columns, BoundQuery query,
                         boolean ifNotExists, boolean withData) implements BoundStatement {
    }

    record DropTable(List<QualifiedName> names, boolean ifExists) implements BoundStatement {
    }

    /** TRUNCATE: the tables resolved at analysis. */
    record Truncate(List<TableDescriptor> tables) implements BoundStatement {
    }

    record QualifiedName(String schema, String name) {
    }

    /** {@code start}: START TRANSACTION, whose command tag is its own. */
    record Begin(IsolationLevel isolation, Boolean readOnly, boolean start) implements BoundStatement {
    }

    record Commit() implements BoundStatement {
    }

    enum SavepointAction { DEFINE, RELEASE, ROLLBACK_TO }

    /** SAVEPOINT / RELEASE [SAVEPOINT] / ROLLBACK TO [SAVEPOINT] name. */
    record Savepoint(SavepointAction action, String name) implements BoundStatement {
    }

    /** DISCARD ALL | PLANS | SEQUENCES | TEMP. */
    record Discard(String target) implements BoundStatement {
    }

    record Rollback() implements BoundStatement {
    }

    /**
     * SET [LOCAL] name TO value[, ...]; each value a String (string constant or identifier) or a Number, as the
     * session flattens them (quoting list elements as PostgreSQL does); values null for SET name TO DEFAULT.
     */
    record Set(String name, List<Object> values, boolean local) implements BoundStatement {
    }

    /** SET TRANSACTION / SET SESSION CHARACTERISTICS: settings to set (local for the current transaction). */
    record SetTransaction(List<String> names, List<String> values, boolean local) implements BoundStatement {
    }

    /** RESET name; null name for RESET ALL. */
    record Reset(String name) implements BoundStatement {
    }

    /** SHOW name; null name for SHOW ALL. */
    record Show(String name, String columnName) implements BoundStatement {
    }

    /** COPY table FROM STDIN; {@code defaults} per table column (null for the columns the data supplies). */
    record CopyFrom(TableDescriptor table, int[] columns, List<BoundExpr> defaults, CopyOptions options)
            implements BoundStatement {
    }

    /** COPY table / (query) TO STDOUT. */
    record CopyTo(BoundQuery query, CopyOptions options) implements BoundStatement {
    }

    record CopyOptions(boolean csv, char delimiter, String nullString, char quote, char escape, boolean header,
                       boolean forceQuoteAll, List<String> forceQuote) {
    }

    record Explain(BoundStatement statement, boolean costs, boolean verbose) implements BoundStatement {
    }
}
