package io.tuskdb.sql;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.analyzer.BoundExpr;
import io.tuskdb.sql.analyzer.BoundStatement;
import io.tuskdb.sql.executor.CopyFromExecution;
import io.tuskdb.sql.executor.CopyToExecution;
import io.tuskdb.sql.executor.Eval;
import io.tuskdb.sql.executor.ExecState;
import io.tuskdb.sql.executor.ExprCompiler;
import io.tuskdb.sql.executor.OpFactory;
import io.tuskdb.sql.executor.RowsExecution;
import io.tuskdb.sql.executor.UtilityExecution;

import java.util.List;
import java.util.Optional;

/**
 * A prepared statement's plan: analysed, planned and compiled once. Each {@link #execute} first checks that the
 * tables it was built on still exist with the same OIDs (a DROP / CREATE in between re-plans it).
 */
final class EnginePlan implements PreparedPlan {
    private final SqlEngine engine;
    private final ParsedStatement statement;
    private final int[] givenParameterTypes;
    private final int[] parameterTypes;
    private final List<ResultColumn> columns;
    private final BoundStatement bound;
    private final OpFactory compiled;
    private final Eval[] copyDefaults;
    private final List<String> explainLines;
    private final List<TableDescriptor> dependencies;
    private final String tagPrefix;
    private final String readOnlyCommand;
    /** {number, position} of the first parameter reference analysed (see AnalyzerContext#firstParameterReference). */
    private final int[] firstParameter;

    EnginePlan(SqlEngine engine, ParsedStatement statement, int[] givenParameterTypes, int[] parameterTypes,
               List<ResultColumn> columns, BoundStatement bound, OpFactory compiled, List<BoundExpr> copyDefaults,
               List<String> explainLines, List<TableDescriptor> dependencies, String tagPrefix, String readOnlyCommand,
               int[] firstParameter) {
        this.firstParameter = firstParameter;
        this.engine = engine;
        this.statement = statement;
        this.givenParameterTypes = givenParameterTypes;
        this.parameterTypes = parameterTypes;
        this.columns = columns;
        this.bound = bound;
        this.compiled = compiled;
        this.explainLines = explainLines;
        this.dependencies = dependencies;
        this.tagPrefix = tagPrefix;
        this.readOnlyCommand = readOnlyCommand;
        if (copyDefaults != null) {
            this.copyDefaults = new Eval[copyDefaults.size()];
            for (int i = 0; i < this.copyDefaults.length; i++) {
                BoundExpr d = copyDefaults.get(i);
                this.copyDefaults[i] = d == null ? null : ExprCompiler.compile(d);
            }
        } else {
            this.copyDefaults = null;
        }
    }

    @Override
    public int[] parameterTypes() {
        return parameterTypes.clone();
    }

    @Override
    public boolean returnsRows() {
        return columns != null;
    }

    @Override
    public List<ResultColumn> resultColumns() {
        return columns == null ? List.of() : columns;
    }

    @Override
    public ParsedStatement statement() {
        return statement;
    }

    @Override
    public Execution execute(ExecutionContext context, Object[] parameters) {
        if (!dependenciesValid(context)) {
            PreparedPlan fresh = engine.replan(statement, givenParameterTypes, context);
            if (!sameShape(fresh.resultColumns(), resultColumns())) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cached plan must not change result type");
            }
            return fresh.execute(context, parameters);
        }
        if (parameters == null || parameters.length < parameterTypes.length) {
            // a simple-protocol query supplies no parameters: PostgreSQL analyses it with none (42P02)
            int n = parameters == null ? 0 : parameters.length;
            if (n == 0 && firstParameter[0] > 0) {
                throw new PgException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + firstParameter[0])
                        .withPosition(firstParameter[1]);
            }
            throw new PgException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + (n + 1));
        }
        if (readOnlyCommand != null && context.transaction().readOnly()) {
            throw new PgException(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute " + readOnlyCommand + " in a read-only transaction");
        }
        return switch (bound) {
            case BoundStatement.Query q -> new RowsExecution(compiled, new ExecState(context, parameters), tagPrefix);
            case BoundStatement.Insert i -> new RowsExecution(compiled, new ExecState(context, parameters), tagPrefix);
            case BoundStatement.Update u -> new RowsExecution(compiled, new ExecState(context, parameters), tagPrefix);
            case BoundStatement.Delete d -> new RowsExecution(compiled, new ExecState(context, parameters), tagPrefix);
            case BoundStatement.CopyTo c -> new CopyToExecution(compiled, new ExecState(context, parameters),
                    c.options(), c.query().columns());
            case BoundStatement.CreateTableAs c -> new io.tuskdb.sql.executor.CreateTableAsExecution(
                    new ExecState(context, parameters), c, compiled);
            case BoundStatement.CopyFrom c -> new CopyFromExecution(new ExecState(context, parameters), c.table(),
                    c.columns(), copyDefaults, c.options());
            default -> new UtilityExecution(context, bound, explainLines);
        };
    }

    private static boolean sameShape(List<ResultColumn> a, List<ResultColumn> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).type() != b.get(i).type() || a.get(i).typmod() != b.get(i).typmod()) {
                return false;
            }
        }
        return true;
    }

    private boolean dependenciesValid(ExecutionContext context) {
        for (TableDescriptor t : dependencies) {
            Optional<TableDescriptor> now = context.cluster().catalog().table(context.transaction(), t.databaseOid(),
                    t.schema(), t.name());
            if (now.isEmpty() || now.get().oid() != t.oid()) {
                return false;
            }
        }
        return true;
    }
}
