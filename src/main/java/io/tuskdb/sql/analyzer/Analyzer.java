package io.tuskdb.sql.analyzer;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.sql.parser.AstFormatter;
import io.tuskdb.sql.parser.Parser;
import io.tuskdb.sql.parser.ast.Constraint;
import io.tuskdb.sql.parser.ast.ColumnDef;
import io.tuskdb.sql.parser.ast.Copy;
import io.tuskdb.sql.parser.ast.CreateTable;
import io.tuskdb.sql.parser.ast.Delete;
import io.tuskdb.sql.parser.ast.Drop;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Insert;
import io.tuskdb.sql.parser.ast.Option;
import io.tuskdb.sql.parser.ast.Persistence;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SetClause;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.TargetItem;
import io.tuskdb.sql.parser.ast.Update;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/** Entry of analysis: an AST statement to a {@link BoundStatement} (analyze.c, utility.c). */
public final class Analyzer {
    private final AnalyzerContext actx;

    public Analyzer(AnalyzerContext actx) {
        this.actx = actx;
    }

    public BoundStatement analyze(Statement statement) {
        return switch (statement) {
            case Select s -> new BoundStatement.Query(new QueryAnalyzer(actx, null).analyze(s, true));
            case Insert i -> DmlAnalyzer.insert(actx, i);
            case Update u -> DmlAnalyzer.update(actx, u);
            case Delete d -> DmlAnalyzer.delete(actx, d);
            case CreateTable c -> createTable(c);
            case Drop d -> {
                if (d.kind() != Drop.ObjectKind.TABLE) {
                    throw Errors.featureNotSupported("DROP " + d.kind().name().replace('_', ' '));
                }
                List<BoundStatement.QualifiedName> names = new ArrayList<>();
                for (var n : d.names()) {
                    names.add(new BoundStatement.QualifiedName(n.schema(), n.name()));
                }
                yield new BoundStatement.DropTable(names, d.ifExists());
            }
            case Copy c -> CopyAnalyzer.copy(actx, c);
            case Statement.Begin b -> new BoundStatement.Begin(isolation(b.modes().isolation()), b.modes().readOnly(),
                    b.start());
            case Statement.Commit c -> {
                if (c.chain()) {
                    throw Errors.featureNotSupported("COMMIT AND CHAIN");
                }
                yield new BoundStatement.Commit();
            }
            case Statement.Rollback r -> {
                if (r.chain()) {
                    throw Errors.featureNotSupported("ROLLBACK AND CHAIN");
                }
                yield new BoundStatement.Rollback();
            }
            case Statement.SetTransaction t -> {
                if (t.snapshot() != null) {
                    throw Errors.featureNotSupported("SET TRANSACTION SNAPSHOT");
                }
                yield transactionModes(t.modes(), "transaction_isolation", "transaction_read_only", true);
            }
            case Statement.SetSessionCharacteristics s -> transactionModes(s.modes(), "default_transaction_isolation",
                    "default_transaction_read_only", false);
            case Statement.VariableSet v -> {
                if (v.fromCurrent()) {
                    throw Errors.featureNotSupported("SET ... FROM CURRENT");
                }
                yield new BoundStatement.Set(v.name(), v.isDefault() ? null : settingValues(v.values()), v.local());
            }
            case Statement.VariableReset r -> new BoundStatement.Reset(r.name().equals("all") ? null : r.name());
            case Statement.VariableShow s -> s.name().equals("all") ? new BoundStatement.Show(null, null)
                    : new BoundStatement.Show(s.name(), showColumnName(s.name()));
            case Statement.Explain e -> explain(e);
            case Statement.Savepoint s -> new BoundStatement.Savepoint(BoundStatement.SavepointAction.DEFINE, s.name());
            case Statement.ReleaseSavepoint s ->
                    new BoundStatement.Savepoint(BoundStatement.SavepointAction.RELEASE, s.name());
            case Statement.RollbackToSavepoint s ->
                    new BoundStatement.Savepoint(BoundStatement.SavepointAction.ROLLBACK_TO, s.name());
            case Statement.PrepareTransaction p -> throw Errors.featureNotSupported("PREPARE TRANSACTION");
            case Statement.CommitPrepared p -> throw Errors.featureNotSupported("COMMIT PREPARED");
            case Statement.RollbackPrepared p -> throw Errors.featureNotSupported("ROLLBACK PREPARED");
            case io.tuskdb.sql.parser.ast.CreateTableAs c -> createTableAs(c);
            case io.tuskdb.sql.parser.ast.CreateIndex c -> throw Errors.featureNotSupported("CREATE INDEX");
            case io.tuskdb.sql.parser.ast.CreateView c -> throw Errors.featureNotSupported("CREATE VIEW");
            case io.tuskdb.sql.parser.ast.AlterTable a -> throw Errors.featureNotSupported("ALTER TABLE");
            case Statement.Truncate t -> {
                if (t.restartIdentity()) {
                    throw Errors.featureNotSupported("TRUNCATE ... RESTART IDENTITY");
                }
                List<TableDescriptor> tables = new ArrayList<>();
                for (var n : t.tables()) {
                    tables.add(actx.table(n));
                }
                yield new BoundStatement.Truncate(tables);
            }
            case Statement.Prepare p -> throw Errors.featureNotSupported("PREPARE");
            case Statement.Execute x -> throw Errors.featureNotSupported("EXECUTE");
            case Statement.Deallocate d -> throw Errors.featureNotSupported("DEALLOCATE");
            case Statement.CreateSchema c -> throw Errors.featureNotSupported("CREATE SCHEMA");
            case Statement.CreateSequence c -> throw Errors.featureNotSupported("CREATE SEQUENCE");
            case Statement.AlterSequence a -> throw Errors.featureNotSupported("ALTER SEQUENCE");
            case Statement.Listen l -> throw Errors.featureNotSupported("LISTEN");
            case Statement.Notify n -> throw Errors.featureNotSupported("NOTIFY");
            case Statement.Unlisten u -> throw Errors.featureNotSupported("UNLISTEN");
            case Statement.Discard d -> new BoundStatement.Discard(d.target().name());
            case Statement.Checkpoint c -> throw Errors.featureNotSupported("CHECKPOINT");
            case Statement.Vacuum v -> throw Errors.featureNotSupported("VACUUM");
        };
    }

    private static IsolationLevel isolation(Statement.IsolationLevel level) {
        return level == null ? null : IsolationLevel.valueOf(level.name());
    }

    private static BoundStatement transactionModes(Statement.TransactionModes modes, String isolationName,
                                                   String readOnlyName, boolean local) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (modes.isolation() != null) {
            names.add(isolationName);
            values.add(IsolationLevel.valueOf(modes.isolation().name()).settingValue());
        }
        if (modes.readOnly() != null) {
            names.add(readOnlyName);
            values.add(modes.readOnly() ? "on" : "off");
        }
        return new BoundStatement.SetTransaction(names, values, local);
    }

    /** SET's values kept apart, so the session can tell one quoted 'a, b' from the two values a, b. */
    private static List<Object> settingValues(List<Expr> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Expr v : values) {
            switch (v) {
                case Expr.StringLiteral s -> out.add(s.value());
                case Expr.IntegerLiteral i -> out.add(i.value());
                case Expr.NumericLiteral n -> out.add(new java.math.BigDecimal(n.text()));
                case Expr.BooleanLiteral b -> out.add(b.value() ? "on" : "off");
                default -> throw Errors.featureNotSupported("this form of SET value");
            }
        }
        return out;
    }

    /** SHOW's column is named as the parameter is spelled in the registry ("DateStyle"). */
    private String showColumnName(String name) {
        for (String[] row : actx.context.allSettings()) {
            if (row[0].equalsIgnoreCase(name)) {
                return row[0];
            }
        }
        return name;
    }

    private BoundStatement explain(Statement.Explain e) {
        boolean costs = true;
        boolean verbose = false;
        for (Option o : e.options()) {
            boolean on = o.value() == null || switch (o.value().toLowerCase()) {
                case "true", "on", "1", "yes" -> true;
                case "false", "off", "0", "no" -> false;
                default -> throw new PgException(SqlState.SYNTAX_ERROR, o.name() + " requires a Boolean value");
            };
            switch (o.name()) {
                case "costs" -> costs = on;
                case "verbose" -> verbose = on;
                case "analyze" -> {
                    if (on) {
                        throw Errors.featureNotSupported("EXPLAIN ANALYZE");
                    }
                }
                case "timing", "summary", "buffers", "settings", "wal" -> {
                }
                case "format" -> {
                    if (!"text".equalsIgnoreCase(o.value())) {
                        throw Errors.featureNotSupported("EXPLAIN formats other than TEXT");
                    }
                }
                default -> throw new PgException(SqlState.SYNTAX_ERROR, "unrecognized EXPLAIN option \"" + o.name() + "\"");
            }
        }
        Statement inner = e.statement();
        if (!(inner instanceof Select || inner instanceof Insert || inner instanceof Update || inner instanceof Delete)) {
            throw Errors.featureNotSupported("EXPLAIN of this statement");
        }
        return new BoundStatement.Explain(analyze(inner), costs, verbose);
    }

    private BoundStatement createTable(CreateTable c) {
        if (c.persistence() != Persistence.PERMANENT) {
            throw Errors.featureNotSupported(c.persistence().name() + " tables");
        }
        if (!c.inherits().isEmpty()) {
            throw Errors.featureNotSupported("INHERITS");
        }
        if (c.onCommit() != null) {
            throw Errors.featureNotSupported("ON COMMIT");
        }
        String schema = actx.creationSchema(c.name(), true);
        String table = c.name().name();
        List<ColumnDef> defs = c.columns();
        Constraint.Default[] defaultDefs = new Constraint.Default[defs.size()];
        String pkName = null;
        List<String> names = new ArrayList<>();
        List<TypeNames.Resolved> types = new ArrayList<>();
        boolean[] notNull = new boolean[defs.size()];
        String[] defaults = new String[defs.size()];
        int[] pk = null;
        for (int i = 0; i < defs.size(); i++) {
            ColumnDef d = defs.get(i);
            if (names.contains(d.name())) {
                throw new PgException(SqlState.DUPLICATE_COLUMN, "column \"" + d.name() + "\" specified more than once");
            }
            names.add(d.name());
            if (d.collation() != null) {
                throw Errors.featureNotSupported("COLLATE").withPosition(d.position());
            }
            TypeNames.Resolved t = TypeNames.resolve(d.type());
            types.add(t);
            boolean sawNotNull = false;
            boolean sawNull = false;
            for (Constraint con : d.constraints()) {
                if ((con instanceof Constraint.NotNull && sawNull) || (con instanceof Constraint.Nullable && sawNotNull)) {
                    throw new PgException(SqlState.SYNTAX_ERROR, "conflicting NULL/NOT NULL declarations for column \""
                            + d.name() + "\" of table \"" + table + "\"").withPosition(con.position());
                }
                switch (con) {
                    case Constraint.NotNull n -> {
                        notNull[i] = true;
                        sawNotNull = true;
                    }
                    case Constraint.Nullable n -> sawNull = true;
                    case Constraint.Default def -> defaultDefs[i] = def;
                    case Constraint.PrimaryKey p -> {
                        if (pk != null) {
                            throw multiplePrimaryKeys(table, p.position());
                        }
                        pk = new int[]{i};
                        pkName = p.name();
                    }
                    default -> throw unsupportedConstraint(con);
                }
            }
        }
        for (Constraint con : c.constraints()) {
            if (con instanceof Constraint.PrimaryKey p) {
                if (pk != null) {
                    throw multiplePrimaryKeys(table, p.position());
                }
                if (!p.include().isEmpty()) {
                    throw Errors.featureNotSupported("INCLUDE");
                }
                pk = new int[p.columns().size()];
                pkName = p.name();
                for (int k = 0; k < pk.length; k++) {
                    pk[k] = names.indexOf(p.columns().get(k));
                    if (pk[k] < 0) {
                        throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + p.columns().get(k)
                                + "\" named in key does not exist").withPosition(p.position());
                    }
                    for (int m = 0; m < k; m++) {
                        if (pk[m] == pk[k]) {
                            throw new PgException(SqlState.DUPLICATE_COLUMN, "column \"" + p.columns().get(k)
                                    + "\" appears twice in primary key constraint").withPosition(p.position());
                        }
                    }
                }
            } else {
                throw unsupportedConstraint(con);
            }
        }
        if (pk == null) {
            pk = new int[0];
        }
        for (int k : pk) {
            notNull[k] = true;
        }
        // DefineRelation's order: the name is checked (and IF NOT EXISTS decided) before defaults are cooked
        boolean exists = actx.tableExists(schema, table);
        if (exists && !c.ifNotExists()) {
            throw Errors.duplicateTable(table);
        }
        if ("pg_catalog".equals(schema)) {
            // heap_create: no user tables in the system catalog schema (allow_system_table_mods is off)
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to create \"pg_catalog." + table
                    + "\"").withDetail("System catalog modifications are currently disallowed.");
        }
        for (int i = 0; i < defs.size(); i++) {
            if (defaultDefs[i] != null) {
                try {
                    defaults[i] = defaultText(defaultDefs[i], names.get(i), types.get(i));
                } catch (PgException e) {
                    if (!exists) {
                        throw e;
                    }
                    // IF NOT EXISTS on an existing table: PostgreSQL only notices, never cooks the defaults
                }
            }
        }
        List<ColumnDescriptor> columns = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            columns.add(new ColumnDescriptor(names.get(i), i + 1, types.get(i).type(), types.get(i).typmod(), notNull[i],
                    defaults[i]));
        }
        return new BoundStatement.CreateTable(schema, table, columns, pk, pkName, c.ifNotExists());
    }

    private BoundStatement createTableAs(io.tuskdb.sql.parser.ast.CreateTableAs c) {
        if (c.persistence() != Persistence.PERMANENT) {
            throw Errors.featureNotSupported(c.persistence().name() + " tables");
        }
        String schema = actx.creationSchema(c.name(), false);
        BoundQuery q = new QueryAnalyzer(actx, null).analyze(c.query(), true);
        if (c.columns().size() > q.columns().size()) {
            throw new PgException(SqlState.SYNTAX_ERROR, "too many column names were specified");
        }
        List<ColumnDescriptor> columns = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < q.columns().size(); i++) {
            ResultColumn rc = q.columns().get(i);
            String name = i < c.columns().size() ? c.columns().get(i) : rc.name();
            if (seen.contains(name)) {
                throw new PgException(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
            seen.add(name);
            columns.add(new ColumnDescriptor(name, i + 1, rc.type(), rc.typmod(), false, null));
        }
        return new BoundStatement.CreateTableAs(schema, c.name().name(), columns, q, c.ifNotExists(), c.withData());
    }

    private static PgException multiplePrimaryKeys(String table, int position) {
        return new PgException(SqlState.INVALID_TABLE_DEFINITION, "multiple primary keys for table \"" + table
                + "\" are not allowed").withPosition(position);
    }

    private static PgException unsupportedConstraint(Constraint con) {
        String what = switch (con) {
            case Constraint.Unique u -> "UNIQUE constraints";
            case Constraint.Check ch -> "CHECK constraints";
            case Constraint.ForeignKey f -> "FOREIGN KEY constraints";
            case Constraint.Identity id -> "identity columns";
            case Constraint.Generated g -> "generated columns";
            default -> "this constraint";
        };
        return Errors.featureNotSupported(what).withPosition(con.position());
    }

    /** Validates a DEFAULT (typed, coercible, no column references) and keeps its SQL text. */
    private String defaultText(Constraint.Default def, String column, TypeNames.Resolved t) {
        ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(null));
        ea.aggregatesForbiddenIn = "DEFAULT expressions";
        ea.subqueriesForbiddenIn = "DEFAULT expression";
        // the default is stored as written, not folded: its evaluation errors belong to the INSERT using it
        int foldErrors = actx.foldErrorMark();
        BoundExpr b;
        try {
            b = ea.bind(def.expr());
        } catch (PgException e) {
            if (e.sqlState() == SqlState.UNDEFINED_COLUMN || e.sqlState() == SqlState.UNDEFINED_TABLE) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cannot use column reference in DEFAULT expression")
                        .withPosition(e.position());
            }
            throw e;
        }
        if (ea.coerce(b, t.type(), t.typmod(), CastContext.ASSIGNMENT, def.expr().position()) == null) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "column \"" + column + "\" is of type "
                    + t.type().sqlName() + " but default expression is of type " + b.type().sqlName())
                    .withHint("You will need to rewrite or cast the expression.").withPosition(def.expr().position());
        }
        actx.forgetFoldErrorsSince(foldErrors);
        return AstFormatter.format(def.expr());
    }

    /** A column's default, bound and coerced to the column type; a NULL constant when it has none. */
    static BoundExpr columnDefault(AnalyzerContext actx, TableDescriptor table, int column) {
        ColumnDescriptor c = table.columns().get(column);
        if (c.defaultExpression() == null) {
            return new BoundExpr.Const(null, c.type(), c.typmod());
        }
        ExprAnalyzer ea = new ExprAnalyzer(actx, new Scope(null));
        BoundExpr b = ea.bind(Parser.parseExpression(c.defaultExpression()));
        return ea.coerceOrFail(b, c.type(), c.typmod(), CastContext.ASSIGNMENT, 0);
    }

    /** RETURNING / target lists over one table's row. */
    static List<BoundExpr> returning(AnalyzerContext actx, TableDescriptor table, String alias,
                                     List<TargetItem> items, List<ResultColumn> columnsOut) {
        return returning(actx, tableScope(table, alias), items, columnsOut);
    }

    /** RETURNING over the row of {@code scope} (the target table, then any FROM items). */
    static List<BoundExpr> returning(AnalyzerContext actx, Scope scope, List<TargetItem> items,
                                     List<ResultColumn> columnsOut) {
        if (items.isEmpty()) {
            return null;
        }
        ExprAnalyzer ea = new ExprAnalyzer(actx, scope);
        ea.aggregatesForbiddenIn = "RETURNING";
        List<BoundExpr> out = new ArrayList<>();
        for (TargetItem item : items) {
            if (item.expr() instanceof Expr.ColumnRef ref && ref.star()) {
                for (Scope.StarColumn sc : scope.star) {
                    BoundExpr e = sc.expr();
                    out.add(e);
                    if (e instanceof BoundExpr.Column col) {
                        columnsOut.add(new ResultColumn(sc.name(), col.tableOid(), col.attnum(), col.type(), col.typmod()));
                    } else {
                        columnsOut.add(new ResultColumn(sc.name(), 0, 0, e.type(), e.typmod()));
                    }
                }
                continue;
            }
            BoundExpr b = ea.resolveUnknownOutput(ea.bind(item.expr()));
            out.add(b);
            String name = item.alias() != null ? item.alias() : ColumnNames.of(item.expr());
            if (b instanceof BoundExpr.Column col) {
                columnsOut.add(new ResultColumn(name, col.tableOid(), col.attnum(), col.type(), col.typmod()));
            } else {
                columnsOut.add(new ResultColumn(name, 0, 0, b.type(), b.typmod()));
            }
        }
        return out;
    }

    static Scope tableScope(TableDescriptor table, String alias) {
        Scope scope = new Scope(null);
        List<BoundExpr.Column> cols = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDescriptor c = table.columns().get(i);
            cols.add(new BoundExpr.Column(i, c.type(), c.typmod(), c.name(), table.oid(), c.attnum()));
        }
        scope.entries.add(new Scope.Entry(alias == null ? table.name() : alias, alias == null ? null : table.name(), cols));
        for (BoundExpr.Column c : cols) {
            scope.star.add(new Scope.StarColumn(c.name(), c));
        }
        return scope;
    }

    static int[] columnIndexes(TableDescriptor table, List<String> names, int[] positions) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table.columnIndex(names.get(i));
            if (out[i] < 0) {
                throw new PgException(SqlState.UNDEFINED_COLUMN, "column \"" + names.get(i) + "\" of relation \""
                        + table.name() + "\" does not exist").withPosition(positions == null ? 0 : positions[i]);
            }
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new PgException(SqlState.DUPLICATE_COLUMN, "column \"" + names.get(i)
                            + "\" specified more than once").withPosition(positions == null ? 0 : positions[i]);
                }
            }
        }
        return out;
    }

    public ExecutionContext context() {
        return actx.context;
    }
}
