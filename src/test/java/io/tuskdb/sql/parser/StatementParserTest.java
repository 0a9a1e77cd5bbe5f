package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.ColumnDef;
import io.tuskdb.sql.parser.ast.Constraint;
import io.tuskdb.sql.parser.ast.Copy;
import io.tuskdb.sql.parser.ast.CreateTable;
import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.FromItem;
import io.tuskdb.sql.parser.ast.Insert;
import io.tuskdb.sql.parser.ast.Option;
import io.tuskdb.sql.parser.ast.QueryBody;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.SetClause;
import io.tuskdb.sql.parser.ast.Statement;
import io.tuskdb.sql.parser.ast.Update;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementParserTest {

    private static Statement parse(String sql) {
        return AstShape.single(sql);
    }

    @Test
    void createTableKeepsDefaultAndCheckSourceText() {
        CreateTable t = (CreateTable) parse(
                "CREATE TABLE t (a int DEFAULT 1 + 2 NOT NULL, b text CHECK (length(b) > 0), c int PRIMARY KEY)");
        ColumnDef a = t.columns().get(0);
        assertThat(a.constraints().get(0)).isInstanceOfSatisfying(Constraint.Default.class,
                d -> assertThat(d.text()).isEqualTo("1 + 2"));
        assertThat(a.constraints().get(1)).isInstanceOf(Constraint.NotNull.class);
        assertThat(t.columns().get(1).constraints().get(0)).isInstanceOfSatisfying(Constraint.Check.class,
                c -> assertThat(c.text()).isEqualTo("length(b) > 0"));
        assertThat(t.columns().get(2).constraints().get(0)).isInstanceOf(Constraint.PrimaryKey.class);
    }

    @Test
    void defaultIsABExprSoNotNullFollows() {
        CreateTable t = (CreateTable) parse("CREATE TABLE t (a boolean DEFAULT true NOT NULL)");
        assertThat(t.columns().get(0).constraints()).hasSize(2);
    }

    @Test
    void copyOldAndNewOptionSyntaxNormaliseAlike() {
        Copy old = (Copy) parse("COPY t FROM STDIN WITH CSV HEADER DELIMITER ',' NULL 'x' QUOTE '\"' ESCAPE '\\'");
        Copy modern = (Copy) parse(
                "COPY t FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ',', NULL 'x', QUOTE '\"', ESCAPE '\\')");
        assertThat(old.options()).isEqualTo(modern.options());
        assertThat(old.options()).contains(Option.of("format", "csv"), Option.of("header", "true"));
        assertThat(old.target()).isEqualTo(Copy.Target.STDIN);
        Copy binary = (Copy) parse("COPY BINARY t TO STDOUT");
        assertThat(binary.options()).containsExactly(Option.of("format", "binary"));
        assertThat(binary.target()).isEqualTo(Copy.Target.STDOUT);
    }

    @Test
    void setSpecialFormsMapToParameters() {
        assertThat(parse("SET TIME ZONE 'UTC'")).isInstanceOfSatisfying(Statement.VariableSet.class,
                v -> assertThat(v.name()).isEqualTo("timezone"));
        assertThat(parse("SET TIME ZONE LOCAL")).isInstanceOfSatisfying(Statement.VariableSet.class,
                v -> assertThat(v.isDefault()).isTrue());
        assertThat(parse("SET NAMES 'UTF8'")).isInstanceOfSatisfying(Statement.VariableSet.class,
                v -> assertThat(v.name()).isEqualTo("client_encoding"));
        assertThat(parse("SET SCHEMA 'app'")).isInstanceOfSatisfying(Statement.VariableSet.class,
                v -> assertThat(v.name()).isEqualTo("search_path"));
        assertThat(parse("SET SESSION AUTHORIZATION bob")).isInstanceOfSatisfying(Statement.VariableSet.class,
                v -> assertThat(v.name()).isEqualTo("session_authorization"));
        assertThat(parse("SET LOCAL work_mem = '4MB'")).isInstanceOfSatisfying(Statement.VariableSet.class, v -> {
            assertThat(v.local()).isTrue();
            assertThat(v.values()).extracting(e -> ((Expr.StringLiteral) e).value()).containsExactly("4MB");
        });
        assertThat(parse("SET enable_seqscan TO off")).isInstanceOfSatisfying(Statement.VariableSet.class,
                v -> assertThat(v.values()).containsExactly(new Expr.StringLiteral("off", 23)));
        assertThat(parse("SHOW TIME ZONE")).isEqualTo(new Statement.VariableShow("timezone"));
        assertThat(parse("SHOW TRANSACTION ISOLATION LEVEL"))
                .isEqualTo(new Statement.VariableShow("transaction_isolation"));
        assertThat(parse("RESET ALL")).isEqualTo(new Statement.VariableReset("all"));
    }

    @Test
    void transactionModes() {
        assertThat(parse("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")).isEqualTo(new Statement.Begin(
                new Statement.TransactionModes(Statement.IsolationLevel.REPEATABLE_READ, true, null)));
        assertThat(parse("START TRANSACTION")).isEqualTo(new Statement.Begin(Statement.TransactionModes.NONE, true));
        assertThat(parse("END WORK")).isEqualTo(new Statement.Commit(false));
        assertThat(parse("ABORT AND CHAIN")).isEqualTo(new Statement.Rollback(true));
        assertThat(parse("ROLLBACK TO s")).isEqualTo(new Statement.RollbackToSavepoint("s"));
        assertThat(parse("RELEASE s")).isEqualTo(new Statement.ReleaseSavepoint("s"));
    }

    @Test
    void insertSourcesAreDistinguished() {
        assertThat(((Insert) parse("INSERT INTO t VALUES (1), (2)")).source()).isInstanceOf(Insert.Values.class);
        assertThat(((Insert) parse("INSERT INTO t SELECT 1")).source()).isInstanceOf(Insert.Query.class);
        assertThat(((Insert) parse("INSERT INTO t VALUES (1) ORDER BY 1")).source()).isInstanceOf(Insert.Query.class);
        assertThat(((Insert) parse("INSERT INTO t DEFAULT VALUES")).source()).isInstanceOf(Insert.DefaultValues.class);
        assertThat(((Insert) parse("INSERT INTO t (SELECT 1)")).columns()).isEmpty();
    }

    @Test
    void multiColumnUpdateFromSubqueryNumbersTheColumns() {
        Update u = (Update) parse("UPDATE t SET (a, b) = (SELECT 1, 2)");
        assertThat(u.set()).extracting(SetClause::multiIndex).containsExactly(1, 2);
        assertThat(u.set().get(0).value()).isSameAs(u.set().get(1).value());
    }

    @Test
    void updateDoesNotTakeSetAsAlias() {
        Update u = (Update) parse("UPDATE t SET a = 1");
        assertThat(u.alias()).isNull();
        assertThat(((Update) parse("UPDATE t x SET a = 1")).alias()).isEqualTo("x");
    }

    @Test
    void parenthesisedQueryWithOuterClausesMerges() {
        Select s = (Select) parse("(SELECT a FROM t) ORDER BY a LIMIT 1");
        assertThat(s.body()).isInstanceOf(QueryBody.SimpleSelect.class);
        assertThat(s.orderBy()).hasSize(1);
        assertThat(s.limit()).isEqualTo(new Expr.IntegerLiteral(1, 36));
    }

    @Test
    void joinsAreLeftAssociativeAndNestAsGramY() {
        Select s = (Select) parse("SELECT * FROM a JOIN b JOIN c ON x ON y");
        FromItem.JoinRef outer = (FromItem.JoinRef) ((QueryBody.SimpleSelect) s.body()).from().get(0);
        assertThat(outer.right()).isInstanceOf(FromItem.JoinRef.class);
        assertThat(outer.on()).isEqualTo(new Expr.ColumnRef(List.of("y"), false, 39));
    }

    @Test
    void explainLegacyKeywordsBecomeOptions() {
        assertThat(parse("EXPLAIN ANALYZE VERBOSE SELECT 1")).isInstanceOfSatisfying(Statement.Explain.class,
                e -> assertThat(e.options()).containsExactly(Option.of("analyze", null), Option.of("verbose", null)));
    }

    @Test
    void prepareKeepsTheStatementText() {
        assertThat(parse("PREPARE p (int) AS SELECT $1 + 1")).isInstanceOfSatisfying(Statement.Prepare.class,
                p -> assertThat(p.statementText()).isEqualTo("SELECT $1 + 1"));
    }
}
