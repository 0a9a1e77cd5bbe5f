package io.tuskdb.sql;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.analyzer.Analyzer;
import io.tuskdb.sql.analyzer.AnalyzerContext;
import io.tuskdb.sql.analyzer.BoundStatement;
import io.tuskdb.sql.executor.OpFactory;
import io.tuskdb.sql.executor.PlanCompiler;
import io.tuskdb.sql.parser.ParsedSql;
import io.tuskdb.sql.parser.Parser;
import io.tuskdb.sql.planner.Explain;
import io.tuskdb.sql.planner.PlanNode;
import io.tuskdb.sql.planner.Planner;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL engine's entry: text to statements, statements to plans. Stateless and shared by all sessions.
 */
public final class SqlEngine {

    /** Splits and parses a query string; 42601 with position on a syntax error. An empty string gives no statements. */
    public List<ParsedStatement> parse(String sql) {
        List<ParsedStatement> out = new ArrayList<>();
        for (ParsedSql p : Parser.parse(sql)) {
            out.add(new EngineStatement(p));
        }
        return out;
    }

    /**
     * Analyses and plans one statement. {@code parameterTypes} are the OIDs the client gave (0 = infer; may be
     * shorter than the number of parameters used). Error positions are relative to the statement's own text.
     */
    public PreparedPlan prepare(ParsedStatement statement, int[] parameterTypes, ExecutionContext context) {
        EngineStatement stmt = statement instanceof EngineStatement es ? es
                : (EngineStatement) parse(statement.sql()).get(0);
        // the scanner's notices (truncated identifiers) come before anything analysis reports
        for (String notice : stmt.parsed().notices()) {
            context.notice(new PgException(SqlState.NAME_TOO_LONG, Severity.NOTICE, notice, null, null, 0, null, null,
                    null, null, null));
        }
        return replan(stmt, statement, parameterTypes, context);
    }

    /** {@link #prepare} again, for a plan whose tables changed: the statement's notices were already sent. */
    PreparedPlan replan(ParsedStatement statement, int[] parameterTypes, ExecutionContext context) {
        EngineStatement stmt = statement instanceof EngineStatement es ? es
                : (EngineStatement) parse(statement.sql()).get(0);
        return replan(stmt, statement, parameterTypes, context);
    }

    private PreparedPlan replan(EngineStatement stmt, ParsedStatement statement, int[] parameterTypes,
                                ExecutionContext context) {
        try {
            return plan(stmt, statement, parameterTypes, context);
        } catch (PgException e) {
            throw e.shiftPosition(-stmt.offset());
        }
    }

    private PreparedPlan plan(EngineStatement stmt, ParsedStatement original, int[] parameterTypes,
                              ExecutionContext context) {
        AnalyzerContext actx = new AnalyzerContext(context, parameterTypes == null ? new int[0] : parameterTypes);
        BoundStatement bound = new Analyzer(actx).analyze(stmt.ast());
        actx.raiseFoldErrors();
        int[] params = actx.parameterOids();
        List<TableDescriptor> deps = actx.usedTables();
        List<ResultColumn> columns = null;
        OpFactory compiled = null;
        List<String> explain = null;
        String tag = null;
        String readOnly = null;
        switch (bound) {
            case BoundStatement.Query q -> {
                columns = q.query().columns();
                compiled = PlanCompiler.compile(Planner.planQuery(q.query()));
                tag = "SELECT";
                if (q.query() instanceof io.tuskdb.sql.analyzer.BoundQuery.Select s
                        && s.from() instanceof io.tuskdb.sql.analyzer.BoundQuery.TableRef t && t.lock() != null) {
                    readOnly = "SELECT " + t.lock().displayName();
                }
            }
            case BoundStatement.Insert i -> {
                columns = i.returning() == null ? null : i.returningColumns();
                compiled = PlanCompiler.compile(Planner.planModify(i));
                tag = "INSERT 0";
                readOnly = "INSERT";
            }
            case BoundStatement.Update u -> {
                columns = u.returning() == null ? null : u.returningColumns();
                compiled = PlanCompiler.compile(Planner.planModify(u));
                tag = "UPDATE";
                readOnly = "UPDATE";
            }
            case BoundStatement.Delete d -> {
                columns = d.returning() == null ? null : d.returningColumns();
                compiled = PlanCompiler.compile(Planner.planModify(d));
                tag = "DELETE";
                readOnly = "DELETE";
            }
            case BoundStatement.CopyTo c -> compiled = PlanCompiler.compile(Planner.planQuery(c.query()));
            case BoundStatement.CopyFrom c -> readOnly = "COPY FROM";
            case BoundStatement.CreateTableAs c -> {
                compiled = PlanCompiler.compile(Planner.planQuery(c.query()));
                readOnly = "CREATE TABLE AS";
            }
            case BoundStatement.CreateTable c -> readOnly = "CREATE TABLE";
            case BoundStatement.DropTable d -> readOnly = "DROP TABLE";
            case BoundStatement.Truncate t -> readOnly = "TRUNCATE TABLE";
            case BoundStatement.Show s -> columns = s.name() == null
                    ? List.of(new ResultColumn("name", PgType.TEXT), new ResultColumn("setting", PgType.TEXT),
                    new ResultColumn("description", PgType.TEXT))
                    : List.of(new ResultColumn(s.columnName(), PgType.TEXT));
            case BoundStatement.Explain e -> {
                columns = List.of(new ResultColumn("QUERY PLAN", PgType.TEXT));
                PlanNode plan = switch (e.statement()) {
                    case BoundStatement.Query q -> Planner.planQuery(q.query());
                    default -> Planner.planModify(e.statement());
                };
                explain = Explain.explain(plan);
            }
            case BoundStatement.Begin b -> {
            }
            case BoundStatement.Commit c -> {
            }
            case BoundStatement.Savepoint s -> {
            }
            case BoundStatement.Discard d -> {
            }
            case BoundStatement.Rollback r -> {
            }
            case BoundStatement.Set s -> {
            }
            case BoundStatement.SetTransaction s -> {
            }
            case BoundStatement.Reset r -> {
            }
        }
        int[] firstParameter = actx.firstParameterReference();
        if (firstParameter[1] > 0) {
            firstParameter[1] -= stmt.offset(); // relative to the statement's own text, as execution errors are
        }
        return new EnginePlan(this, original, parameterTypes == null ? new int[0] : parameterTypes, params, columns,
                bound, compiled, bound instanceof BoundStatement.CopyFrom cf ? cf.defaults() : null, explain, deps, tag,
                readOnly, firstParameter);
    }

}
