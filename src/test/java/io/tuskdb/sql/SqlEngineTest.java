package io.tuskdb.sql;

import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine end to end through pgjdbc and a real server: result column names and types, parameter type
 * inference, prepared-plan reuse and re-planning, error fields, notices, COPY and transaction statements.
 * Expected values are PostgreSQL 15's answers to the same statements.
 */
class SqlEngineTest {
    TestServer server;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        server = TestServer.start();
        c = server.connect("prepareThreshold", "1");
        exec("CREATE TABLE cn (id int PRIMARY KEY, a varchar(10), n numeric(6,2))");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        server.close();
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                sb.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void resultColumnNamesAndTypesFollowPostgres() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT 1, 'x', a::text, count(*), CAST(1 AS int8), id, 1::int, true, -n, a || 'x', "
                        + "case when true then 1 end, coalesce(a,'z'), (select 1), exists(select 1), current_date is null, "
                        + "date '2020-01-01', upper(a), n::numeric(3,1), id + 1 as plus from cn group by id")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnLabel(i));
            }
            assertThat(names).containsExactly("?column?", "?column?", "a", "count", "int8", "id", "int4", "?column?",
                    "?column?", "?column?", "case", "coalesce", "?column?", "exists", "?column?", "date", "upper", "n",
                    "plus");
            // pgjdbc's type names need pg_catalog; the JDBC type codes come from the type OIDs alone
            assertThat(md.getColumnType(2)).isEqualTo(java.sql.Types.VARCHAR);
            assertThat(md.getColumnType(4)).isEqualTo(java.sql.Types.BIGINT);
            assertThat(md.getColumnType(8)).isEqualTo(java.sql.Types.BIT);
            assertThat(md.getColumnType(9)).isEqualTo(java.sql.Types.NUMERIC);
            assertThat(md.getColumnType(16)).isEqualTo(java.sql.Types.DATE);
            assertThat(md.getPrecision(18)).isEqualTo(3);
            assertThat(md.getScale(18)).isEqualTo(1);
        }
    }

    @Test
    void parameterTypesAreInferredFromContext() throws SQLException {
        assertThat(paramTypes("SELECT * FROM cn WHERE id = ? AND a = ?")).containsExactly("int4", "text");
        assertThat(paramTypes("INSERT INTO cn VALUES (?, ?, ?)")).containsExactly("int4", "varchar", "numeric");
        assertThat(paramTypes("SELECT ?::int + ?")).containsExactly("int4", "int4");
        assertThat(paramTypes("SELECT ?")).containsExactly("text");
        assertThat(paramTypes("SELECT 1 FROM cn LIMIT ?")).containsExactly("int8");
        assertThatThrownBy(() -> paramTypes("SELECT 1 WHERE ? IS NULL"))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42P18");
                    assertThat(e.getServerErrorMessage().getMessage())
                            .isEqualTo("could not determine data type of parameter $1");
                });
    }

    private List<String> paramTypes(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ParameterMetaData md = ps.getParameterMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getParameterCount(); i++) {
                out.add(md.getParameterTypeName(i));
            }
            return out;
        }
    }

    @Test
    void preparedPlansAreReusedAndNoticeARecreatedTable() throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO cn VALUES (?, ?, ?)")) {
            for (int i = 1; i <= 5; i++) {
                ins.setInt(1, i);
                ins.setString(2, "v" + i);
                ins.setBigDecimal(3, new BigDecimal("1.5"));
                assertThat(ins.executeUpdate()).isEqualTo(1);
            }
        }
        try (PreparedStatement sel = c.prepareStatement("SELECT a FROM cn WHERE id = ?")) {
            sel.setInt(1, 3);
            assertThat(rows(sel.executeQuery())).containsExactly("v3");
            sel.setInt(1, 4);
            assertThat(rows(sel.executeQuery())).containsExactly("v4");
            exec("DROP TABLE cn");
            exec("CREATE TABLE cn (id int PRIMARY KEY, a varchar(10), n numeric(6,2))");
            exec("INSERT INTO cn VALUES (4, 'new', 1)");
            assertThat(rows(sel.executeQuery())).containsExactly("new");
            exec("DROP TABLE cn");
            assertThatThrownBy(sel::executeQuery).isInstanceOfSatisfying(PSQLException.class,
                    e -> assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("relation \"cn\" does not exist"));
        }
    }

    @Test
    void errorFieldsMatchPostgres() throws SQLException {
        assertThatThrownBy(() -> exec("SELECT id + a FROM cn")).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getServerErrorMessage().getMessage())
                    .isEqualTo("operator does not exist: integer + character varying");
            assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(11);
            assertThat(e.getServerErrorMessage().getHint()).startsWith("No operator matches");
        });
        assertThatThrownBy(() -> exec("SELECT 1 + 'x'")).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("22P02");
            assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(12);
        });
        assertThatThrownBy(() -> exec("SELECT a, count(*) FROM cn GROUP BY n")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42803");
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo(
                            "column \"cn.a\" must appear in the GROUP BY clause or be used in an aggregate function");
                    assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(8);
                });
        // positions as PostgreSQL: a literal's own for its input errors, the leftmost of a cast, none for typmods
        assertThatThrownBy(() -> exec("INSERT INTO cn SELECT '1.5', 'x', 1")).isInstanceOfSatisfying(
                PSQLException.class, e -> assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(23));
        assertThatThrownBy(() -> exec("INSERT INTO cn VALUES ('1'::text, 'x', 1)")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42804");
                    assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(24);
                });
        assertThatThrownBy(() -> exec("INSERT INTO cn VALUES (1, 'abcdefghijkl', 1)")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("22001");
                    assertThat(e.getServerErrorMessage().getPosition()).isZero();
                });
        // constant folding never evaluates a branch PostgreSQL's simplification would drop
        assertThat(rows("SELECT CASE WHEN false THEN 1/0 ELSE 5 END, coalesce(1, 1/0)")).containsExactly("5|1");
        assertThat(rows("SELECT 1 WHERE false AND 1/0 = 1")).isEmpty();
        exec("CREATE TABLE d0 (a int DEFAULT (1/0), b int)");
        assertThatThrownBy(() -> exec("INSERT INTO d0 (b) VALUES (1)")).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("22012"));
        exec("CREATE TABLE lng (id int, a text, b text NOT NULL)");
        assertThatThrownBy(() -> exec("INSERT INTO lng VALUES (1, repeat('x', 100), NULL)")).isInstanceOfSatisfying(
                PSQLException.class, e -> assertThat(e.getServerErrorMessage().getDetail())
                        .isEqualTo("Failing row contains (1, " + "x".repeat(64) + "..., null)."));
        exec("CREATE TABLE k (a int, b text, c int NOT NULL, PRIMARY KEY (a, b))");
        exec("INSERT INTO k VALUES (1, 'x', 1)");
        assertThatThrownBy(() -> exec("INSERT INTO k VALUES (1, 'x', 2)")).isInstanceOfSatisfying(PSQLException.class,
                e -> {
                    assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("Key (a, b)=(1, x) already exists.");
                    assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("k_pkey");
                });
        exec("CREATE TABLE ta (id int, name text)");
        exec("CREATE TABLE tb (id int, nam text)");
        assertThatThrownBy(() -> exec("SELECT idd FROM ta, tb")).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getHint())
                        .isEqualTo("Perhaps you meant to reference the column \"ta.id\" or the column \"tb.id\"."));
        assertThatThrownBy(() -> exec("SELECT nam FROM ta")).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getHint())
                        .isEqualTo("Perhaps you meant to reference the column \"ta.name\"."));
        assertThatThrownBy(() -> exec("SELECT zzz FROM ta")).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getHint()).isNull());
        exec("CREATE TABLE q (\"Id\" int PRIMARY KEY)");
        exec("INSERT INTO q VALUES (1)");
        assertThatThrownBy(() -> exec("INSERT INTO q VALUES (1)")).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("Key (\"Id\")=(1) already exists."));
        assertThatThrownBy(() -> exec("INSERT INTO k VALUES (2, 'y', NULL)")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getServerErrorMessage().getDetail()).isEqualTo("Failing row contains (2, y, null).");
                    assertThat(e.getServerErrorMessage().getColumn()).isEqualTo("c");
                });
        assertThatThrownBy(() -> exec("INSERT INTO cn VALUES (1, 'a', 1, 2)")).isInstanceOfSatisfying(
                PSQLException.class, e -> assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(35));
    }

    @Test
    void caseColumnsAreNamedAfterAStrongElseResult() throws SQLException {
        exec("CREATE TABLE vr_t (n numeric(6,2), v varchar(7), y int)");
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CASE WHEN true THEN n ELSE n END, "
                + "CASE WHEN y > 0 THEN 'p' ELSE v END, CASE WHEN true THEN 1 ELSE 2 END, CASE WHEN true THEN 1 END, "
                + "CAST(CASE WHEN true THEN 1 ELSE 2 END AS int), CAST(CASE WHEN true THEN 1 ELSE y END AS int), "
                + "CASE WHEN true THEN 1 ELSE y::int8 END, "
                + "CASE WHEN true THEN 1 ELSE CASE WHEN false THEN 2 ELSE abs(y) END END FROM vr_t")) {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i));
            }
            assertThat(names).containsExactly("n", "v", "case", "case", "int4", "y", "y", "abs");
        }
        // result typmods as PostgreSQL's RowDescription after plan-time simplification (exprTypmod)
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CASE WHEN true THEN n ELSE n END, "
                + "CASE WHEN true THEN v ELSE 'zz' END, CASE WHEN y > 0 THEN v ELSE 'zz' END, CASE WHEN y > 0 THEN n "
                + "ELSE n END, coalesce(v, v), coalesce(v, 'x'), CASE WHEN y > 0 THEN v END FROM vr_t")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getPrecision(1)).isEqualTo(6);
            assertThat(md.getScale(1)).isEqualTo(2);
            assertThat(md.getPrecision(2)).isEqualTo(7);
            assertThat(md.getPrecision(3)).isEqualTo(Integer.MAX_VALUE);
            assertThat(md.getPrecision(4)).isEqualTo(6);
            assertThat(md.getPrecision(5)).isEqualTo(7);
            assertThat(md.getPrecision(6)).isEqualTo(Integer.MAX_VALUE);
            assertThat(md.getPrecision(7)).isEqualTo(Integer.MAX_VALUE);
        }
        // a type mismatch is reported at the result that does not match (select_common_type)
        String mismatch = "SELECT CASE WHEN y IS NULL THEN 'none' WHEN true THEN v ELSE 1/0 END FROM vr_t";
        assertThatThrownBy(() -> rows(mismatch)).isInstanceOfSatisfying(PSQLException.class, e -> {
            assertThat(e.getServerErrorMessage().getMessage())
                    .isEqualTo("CASE types integer and character varying cannot be matched");
            assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(mismatch.indexOf(" v ") + 2);
        });
        // database.schema.table.column names the current database only
        exec("INSERT INTO vr_t VALUES (1, 'x', 7)");
        assertThat(rows("SELECT postgres.public.vr_t.y FROM vr_t")).containsExactly("7");
        assertThatThrownBy(() -> rows("SELECT otherdb.public.vr_t.y FROM vr_t")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("0A000");
                    assertThat(e.getServerErrorMessage().getMessage())
                            .isEqualTo("cross-database references are not implemented: otherdb.public.vr_t.y");
                    assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(8);
                });
        assertThatThrownBy(() -> rows("SELECT a.b.c.d.e FROM vr_t")).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getMessage())
                        .isEqualTo("improper qualified name (too many dotted names): a.b.c.d.e"));
        assertThatThrownBy(() -> rows("SELECT * FROM otherdb.public.vr_t")).isInstanceOfSatisfying(
                PSQLException.class, e -> assertThat(e.getServerErrorMessage().getMessage())
                        .isEqualTo("cross-database references are not implemented: \"otherdb.public.vr_t\""));
    }

    @Test
    void orderByColumnErrorsComeBeforeGroupBys() throws SQLException {
        exec("CREATE TABLE gt (a int, b int)");
        String ambiguous = "SELECT count(*) FROM gt x, gt y WHERE x.a = y.a GROUP BY b ORDER BY b";
        assertThatThrownBy(() -> rows(ambiguous)).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(ambiguous.lastIndexOf('b') + 1));
        String expression = "SELECT count(*) FROM gt x, gt y WHERE x.a = y.a GROUP BY b/2 ORDER BY b/2";
        assertThatThrownBy(() -> rows(expression)).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(expression.lastIndexOf('b') + 1));
        String missing = "SELECT count(*) FROM gt x GROUP BY nosuch ORDER BY abs(nosuch2)";
        assertThatThrownBy(() -> rows(missing)).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("column \"nosuch2\" does not exist"));
        assertThat(rows("SELECT count(*) FROM gt x GROUP BY a ORDER BY count(*) + 1")).isEmpty();
    }

    @Test
    void errorsPostgresReportsWithoutPosition() throws SQLException {
        assertThatThrownBy(() -> exec("UPDATE cn SET id = id + 1, id = 5")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getServerErrorMessage().getMessage())
                            .isEqualTo("multiple assignments to same column \"id\"");
                    assertThat(e.getServerErrorMessage().getPosition()).isZero();
                });
        assertThatThrownBy(() -> exec("COPY nosuch FROM STDIN")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("relation \"nosuch\" does not exist");
                    assertThat(e.getServerErrorMessage().getPosition()).isZero();
                });
    }

    @Test
    void schemasThatDoNotExistAreReportedAsPostgres() throws SQLException {
        assertThatThrownBy(() -> exec("CREATE TABLE nosuchschema.x (a int)")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("3F000");
                    assertThat(e.getServerErrorMessage().getPosition()).isEqualTo(14);
                });
        assertThatThrownBy(() -> exec("DROP TABLE nosuchschema.x")).isInstanceOfSatisfying(
                PSQLException.class, e -> assertThat(e.getServerErrorMessage().getPosition()).isZero());
        assertThatThrownBy(() -> exec("CREATE TABLE pg_catalog.x (a int)")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("42501");
                    assertThat(e.getServerErrorMessage().getMessage())
                            .isEqualTo("permission denied to create \"pg_catalog.x\"");
                    assertThat(e.getServerErrorMessage().getDetail())
                            .isEqualTo("System catalog modifications are currently disallowed.");
                });
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS public.nosuch, nosuchschema.x");
            SQLWarning w = st.getWarnings();
            assertThat(w.getMessage()).isEqualTo("table \"nosuch\" does not exist, skipping");
            assertThat(w.getNextWarning().getMessage()).isEqualTo("schema \"nosuchschema\" does not exist, skipping");
        }
        exec("SET search_path = nosuch");
        assertThatThrownBy(() -> exec("CREATE TABLE x (a int)")).isInstanceOfSatisfying(PSQLException.class,
                e -> assertThat(e.getServerErrorMessage().getMessage())
                        .isEqualTo("no schema has been selected to create in"));
        exec("SET search_path = nosuch, public");
        exec("CREATE TABLE x (a int CONSTRAINT x_named PRIMARY KEY)");
        assertThatThrownBy(() -> exec("INSERT INTO public.x VALUES (1), (1)")).isInstanceOfSatisfying(
                PSQLException.class, e -> assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo("x_named"));
    }

    @Test
    void noticesAndUtilityStatements() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS cn (x int)");
            SQLWarning w = st.getWarnings();
            assertThat(w.getMessage()).isEqualTo("relation \"cn\" already exists, skipping");
            assertThat(w.getSQLState()).isEqualTo("42P07");
            st.clearWarnings();
            st.execute("DROP TABLE IF EXISTS nosuch");
            assertThat(st.getWarnings().getMessage()).isEqualTo("table \"nosuch\" does not exist, skipping");
            st.clearWarnings();
            String longName = "v13_long_name_" + "a".repeat(60);
            st.execute("CREATE TABLE " + longName + " (a int)");
            SQLWarning truncated = st.getWarnings();
            assertThat(truncated.getSQLState()).isEqualTo("42622");
            assertThat(truncated.getMessage()).isEqualTo("identifier \"" + longName + "\" will be truncated to \""
                    + longName.substring(0, 63) + "\"");
            assertThat((Object) truncated.getNextWarning()).isNull();
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW datestyle")) {
            assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("DateStyle");
            assertThat(rows(rs)).containsExactly("ISO, MDY");
        }
        exec("BEGIN");
        exec("INSERT INTO cn VALUES (7, 'in tx', 0)");
        exec("ROLLBACK");
        assertThat(rows("SELECT count(*) FROM cn")).containsExactly("0");
        exec("START TRANSACTION READ ONLY");
        assertThatThrownBy(() -> exec("INSERT INTO cn VALUES (1, 'x', 0)")).isInstanceOfSatisfying(
                PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("25006");
                    assertThat(e.getServerErrorMessage().getMessage())
                            .isEqualTo("cannot execute INSERT in a read-only transaction");
                });
        exec("ROLLBACK");
        assertThat(rows("SHOW transaction_isolation")).containsExactly("read committed");
    }

    @Test
    void concurrentUpdatesWaitAndApplyToTheLatestRowVersion() throws Exception {
        exec("CREATE TABLE acc (id int PRIMARY KEY, bal int, tag text)");
        exec("INSERT INTO acc VALUES (1, 100, 'x'), (2, 100, 'x')");
        try (Connection other = server.connect()) {
            exec("BEGIN");
            exec("UPDATE acc SET bal = bal + 1 WHERE id = 1");
            exec("UPDATE acc SET tag = 'y' WHERE id = 2");
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            var adding = pool.submit(() -> {
                try (Statement st = other.createStatement()) {
                    // waits for the first transaction's row locks, then works on the rows' latest versions: row 1
                    // gets both increments, row 2 no longer matches (PostgreSQL's EvalPlanQual re-check)
                    return st.executeUpdate("UPDATE acc SET bal = bal + 10 WHERE tag = 'x'");
                }
            });
            Thread.sleep(300);
            assertThat(adding.isDone()).isFalse();
            exec("COMMIT");
            assertThat(adding.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            pool.shutdown();
        }
        assertThat(rows("SELECT id, bal, tag FROM acc ORDER BY id")).containsExactly("1|111|x", "2|100|y");
    }

    @Test
    void selectForUpdateBlocksWriters() throws Exception {
        exec("CREATE TABLE q (id int PRIMARY KEY, v int)");
        exec("INSERT INTO q VALUES (1, 1)");
        try (Connection other = server.connect()) {
            exec("BEGIN");
            assertThat(rows("SELECT v FROM q WHERE id = 1 FOR UPDATE")).containsExactly("1");
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            var writer = pool.submit(() -> {
                try (Statement st = other.createStatement()) {
                    return st.executeUpdate("UPDATE q SET v = v * 10 WHERE id = 1");
                }
            });
            Thread.sleep(300);
            assertThat(writer.isDone()).isFalse();
            exec("UPDATE q SET v = 2 WHERE id = 1");
            exec("COMMIT");
            assertThat(writer.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            pool.shutdown();
        }
        assertThat(rows("SELECT v FROM q")).containsExactly("20");
    }

    @Test
    void copyInAndOutInTextAndCsv() throws Exception {
        exec("CREATE TABLE c (id int PRIMARY KEY, t text, n int DEFAULT 42)");
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        assertThat(copy.copyIn("COPY c (id, t) FROM STDIN",
                new StringReader("1\thello\\tworld\n2\t\\N\n3\tback\\\\slash\n"))).isEqualTo(3);
        assertThat(copy.copyIn("COPY c FROM STDIN WITH (FORMAT csv, HEADER true)",
                new StringReader("id,t,n\n4,\"a,b\",1\n5,,2\n6,\"\",3\n"))).isEqualTo(3);
        assertThat(rows("SELECT id, t, n FROM c ORDER BY id")).containsExactly(
                "1|hello\tworld|42", "2|null|42", "3|back\\slash|42", "4|a,b|1", "5|null|2", "6||3");
        StringWriter text = new StringWriter();
        assertThat(copy.copyOut("COPY c TO STDOUT", text)).isEqualTo(6);
        assertThat(text.toString()).isEqualTo(
                "1\thello\\tworld\t42\n2\t\\N\t42\n3\tback\\\\slash\t42\n4\ta,b\t1\n5\t\\N\t2\n6\t\t3\n");
        StringWriter csv = new StringWriter();
        copy.copyOut("COPY (SELECT id, t FROM c WHERE id > 3) TO STDOUT (FORMAT csv, HEADER)", csv);
        assertThat(csv.toString()).isEqualTo("id,t\n4,\"a,b\"\n5,\n6,\"\"\n");
        StringWriter textHeader = new StringWriter(); // PostgreSQL 15 allows HEADER in text format
        copy.copyOut("COPY (SELECT id, t AS \"a b\" FROM c WHERE id = 4) TO STDOUT (HEADER)", textHeader);
        assertThat(textHeader.toString()).isEqualTo("id\ta b\n4\ta,b\n");
        assertThatThrownBy(() -> copy.copyIn("COPY c FROM STDIN", new StringReader("7\tx\n")))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("22P04");
                    assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("missing data for column \"n\"");
                    assertThat(e.getServerErrorMessage().getWhere()).isEqualTo("COPY c, line 1: \"7\tx\"");
                });
        // values are converted column by column, so a bad first value wins over missing later ones (NextCopyFrom)
        assertThatThrownBy(() -> copy.copyIn("COPY c FROM STDIN", new StringReader("x\n")))
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("22P02");
                    assertThat(e.getServerErrorMessage().getMessage())
                            .isEqualTo("invalid input syntax for type integer: \"x\"");
                    assertThat(e.getServerErrorMessage().getWhere()).isEqualTo("COPY c, line 1, column id: \"x\"");
                });
        assertThatThrownBy(() -> copy.copyIn("COPY c (id) FROM STDIN", new StringReader("8\tx\n")))
                .isInstanceOfSatisfying(PSQLException.class, e -> assertThat(e.getServerErrorMessage().getMessage())
                        .isEqualTo("extra data after last expected column"));
        // CONTEXT lines as PostgreSQL 15's CopyFromErrorCallback writes them; lines count the header
        exec("CREATE TABLE v21_t (id int PRIMARY KEY, n numeric(3,0), s text NOT NULL)");
        String[][] cases = {
                {"COPY v21_t FROM STDIN", "1\t1000\tx\n", "COPY v21_t, line 1, column n: \"1000\""},
                {"COPY v21_t FROM STDIN", "1\t1\tx\n2\t2\tx\n1\t3\tx\n", "COPY v21_t, line 3"},
                {"COPY v21_t FROM STDIN", "9\t1\t\\N\n", "COPY v21_t, line 1: \"9\t1\t\\N\""},
                {"COPY v21_t FROM STDIN (HEADER)", "h\n5\t1\tx\n6\tzz\tq\n", "COPY v21_t, line 3, column n: \"zz\""},
                {"COPY v21_t FROM STDIN", "1\t1\t" + "0".repeat(150) + "\tx\n",
                        "COPY v21_t, line 1: \"1\t1\t" + "0".repeat(96) + "...\""},
                {"COPY v21_t FROM STDIN CSV", "7,1,\"a\nb\n", "COPY v21_t, line 1: \"7,1,\"a\nb\n\""},
        };
        for (String[] k : cases) {
            assertThatThrownBy(() -> copy.copyIn(k[0], new StringReader(k[1]))).isInstanceOfSatisfying(
                    PSQLException.class, e -> assertThat(e.getServerErrorMessage().getWhere()).isEqualTo(k[2]));
        }
    }
}
