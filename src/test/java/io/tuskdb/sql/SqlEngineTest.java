package io.tuskdb.sql;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's facade end to end over a real cluster: names, parameter inference, plan reuse, COPY, utility. */
class SqlEngineTest {
    @TempDir
    Path dir;
    Cluster cluster;
    TestSession session;

    @BeforeEach
    void open() {
        cluster = StoredCluster.open(dir, "postgres", null);
        session = new TestSession(cluster);
        session.run("CREATE TABLE cn (id int PRIMARY KEY, a varchar(10), n numeric(6,2))");
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void resultColumnNamesFollowFigureColname() {
        session.run("SELECT 1, 'x', a::text, count(*), CAST(1 AS int8), id, 1::int, true, -n, a || 'x', "
                + "case when true then 1 end, coalesce(a,'z'), (select 1), exists(select 1), current_date is null, "
                + "date '2020-01-01', upper(a), n::numeric(3,1), id + 1 as plus from cn group by id");
        assertThat(session.lastColumns.stream().map(ResultColumn::name).toList()).containsExactly(
                "?column?", "?column?", "a", "count", "int8", "id", "int4", "?column?", "?column?", "?column?", "case",
                "coalesce", "?column?", "exists", "?column?", "date", "upper", "n", "plus");
        assertThat(session.lastColumns.get(1).type()).isEqualTo(PgType.TEXT);
        assertThat(session.lastColumns.get(3).type()).isEqualTo(PgType.INT8);
        ResultColumn id = session.lastColumns.get(5);
        assertThat(id.tableOid()).isPositive();
        assertThat(id.attnum()).isEqualTo(1);
        assertThat(session.lastColumns.get(17).typmod()).isEqualTo((3 << 16 | 1) + 4);
    }

    @Test
    void parameterTypesAreInferredFromContext() {
        assertThat(session.prepare("SELECT * FROM cn WHERE id = $1 AND a = $2").parameterTypes())
                .containsExactly(PgType.INT4.oid(), PgType.TEXT.oid());
        assertThat(session.prepare("INSERT INTO cn VALUES ($1, $2, $3)").parameterTypes())
                .containsExactly(PgType.INT4.oid(), PgType.VARCHAR.oid(), PgType.NUMERIC.oid());
        assertThat(session.prepare("SELECT $1::int + $2").parameterTypes())
                .containsExactly(PgType.INT4.oid(), PgType.INT4.oid());
        assertThat(session.prepare("SELECT $1").parameterTypes()).containsExactly(PgType.TEXT.oid());
        assertThat(session.prepare("SELECT 1 FROM cn LIMIT $1").parameterTypes()).containsExactly(PgType.INT8.oid());
        assertThatThrownBy(() -> session.prepare("SELECT 1 WHERE $1 IS NULL"))
                .isInstanceOf(PgException.class)
                .hasMessage("could not determine data type of parameter $1");
        assertThat(session.prepare("SELECT $1 = id FROM cn", PgType.INT8.oid()).parameterTypes())
                .containsExactly(PgType.INT8.oid());
    }

    @Test
    void preparedPlanIsReusedWithParameters() {
        PreparedPlan insert = session.prepare("INSERT INTO cn VALUES ($1, $2, $3)");
        for (int i = 1; i <= 5; i++) {
            session.execute(insert, i, "v" + i, new java.math.BigDecimal("1.5"));
            assertThat(session.lastTag).isEqualTo("INSERT 0 1");
        }
        PreparedPlan select = session.prepare("SELECT a FROM cn WHERE id = $1");
        assertThat(session.execute(select, 3)).containsExactly("v3");
        assertThat(session.execute(select, 4)).containsExactly("v4");
        assertThat(session.execute(select, (Object) null)).isEmpty();
        assertThat(session.lastTag).isEqualTo("SELECT 0");
    }

    @Test
    void planNoticesDroppedAndRecreatedTable() {
        session.run("INSERT INTO cn VALUES (1, 'old', 1)");
        PreparedPlan select = session.prepare("SELECT a FROM cn WHERE id = 1");
        assertThat(session.execute(select)).containsExactly("old");
        session.run("DROP TABLE cn");
        assertThatThrownBy(() -> session.execute(select)).isInstanceOf(PgException.class)
                .hasMessage("relation \"cn\" does not exist");
        session.run("CREATE TABLE cn (id int PRIMARY KEY, a varchar(10), n numeric(6,2))");
        session.run("INSERT INTO cn VALUES (1, 'new', 1)");
        assertThat(session.execute(select)).containsExactly("new");
    }

    @Test
    void errorPositionsAreRelativeToTheStatement() {
        assertThatThrownBy(() -> session.run("SELECT 1; SELECT nosuch FROM cn"))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.position()).isEqualTo(8));
        assertThatThrownBy(() -> session.run("SELECT id + a FROM cn"))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("operator does not exist: integer + character varying");
                    assertThat(e.position()).isEqualTo(11);
                    assertThat(e.hint()).startsWith("No operator matches");
                });
    }

    @Test
    void notNullAndDuplicateKeyDetails() {
        session.run("CREATE TABLE k (a int, b text, c int NOT NULL, PRIMARY KEY (a, b))");
        session.run("INSERT INTO k VALUES (1, 'x', 1)");
        assertThatThrownBy(() -> session.run("INSERT INTO k VALUES (1, 'x', 2)"))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("duplicate key value violates unique constraint \"k_pkey\"");
                    assertThat(e.detail()).isEqualTo("Key (a, b)=(1, x) already exists.");
                });
        assertThatThrownBy(() -> session.run("INSERT INTO k VALUES (2, 'y', NULL)"))
                .isInstanceOfSatisfying(PgException.class, e ->
                        assertThat(e.detail()).isEqualTo("Failing row contains (2, y, null)."));
    }

    @Test
    void utilityStatementsAndNotices() {
        session.run("CREATE TABLE IF NOT EXISTS cn (x int)");
        assertThat(session.lastTag).isEqualTo("CREATE TABLE");
        assertThat(session.notices).singleElement().satisfies(n -> {
            assertThat(n.severity()).isEqualTo(Severity.NOTICE);
            assertThat(n.getMessage()).isEqualTo("relation \"cn\" already exists, skipping");
        });
        session.run("DROP TABLE IF EXISTS nosuch");
        assertThat(session.notices.get(1).getMessage()).isEqualTo("table \"nosuch\" does not exist, skipping");
        assertThat(session.run("SHOW datestyle")).containsExactly("ISO, MDY");
        assertThat(session.lastColumns.get(0).name()).isEqualTo("DateStyle");
        session.run("SET TimeZone TO 'Europe/Paris'");
        assertThat(session.lastTag).isEqualTo("SET");
        assertThat(session.run("SHOW timezone")).containsExactly("Europe/Paris");
        session.run("BEGIN");
        assertThat(session.lastTag).isEqualTo("BEGIN");
        session.run("INSERT INTO cn VALUES (7, 'in tx', 0)");
        session.run("ROLLBACK");
        assertThat(session.run("SELECT count(*) FROM cn")).containsExactly("0");
        session.run("START TRANSACTION READ ONLY");
        assertThatThrownBy(() -> session.run("INSERT INTO cn VALUES (1, 'x', 0)"))
                .isInstanceOf(PgException.class).hasMessage("cannot execute INSERT in a read-only transaction");
        session.run("COMMIT");
        assertThat(session.lastTag).isEqualTo("ROLLBACK");
        assertThatThrownBy(() -> session.run("SAVEPOINT s")).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.sqlState().code()).isEqualTo("0A000"));
    }

    @Test
    void copyFromTextAndCsvThenCopyOut() {
        session.run("CREATE TABLE c (id int PRIMARY KEY, t text, n int DEFAULT 42)");
        Execution.CopyIn in = copyIn("COPY c (id, t) FROM STDIN");
        feed(in, "1\thello\\tworld\n2\t\\N\n3\tback\\\\slash\n");
        assertThat(in.finish()).isEqualTo("COPY 3");
        Execution.CopyIn csv = copyIn("COPY c FROM STDIN WITH (FORMAT csv, HEADER true)");
        feed(csv, "id,t,n\n4,\"a,b\",1\n5,,2\n6,\"\",3\n");
        assertThat(csv.finish()).isEqualTo("COPY 3");
        assertThat(session.run("SELECT id, t, n FROM c ORDER BY id")).containsExactly(
                "1|hello\tworld|42", "2|NULL|42", "3|back\\slash|42", "4|a,b|1", "5|NULL|2", "6||3");
        assertThat(copyOut("COPY c TO STDOUT")).containsExactly(
                "1\thello\\tworld\t42\n", "2\t\\N\t42\n", "3\tback\\\\slash\t42\n", "4\ta,b\t1\n", "5\t\\N\t2\n", "6\t\t3\n");
        assertThat(copyOut("COPY (SELECT id, t FROM c WHERE id > 3) TO STDOUT (FORMAT csv, HEADER)")).containsExactly(
                "id,t\n", "4,\"a,b\"\n", "5,\n", "6,\"\"\n");
        Execution.CopyIn bad = copyIn("COPY c FROM STDIN");
        assertThatThrownBy(() -> feed(bad, "7\tx\n")).isInstanceOf(PgException.class)
                .hasMessage("missing data for column \"n\"");
        Execution.CopyIn extra = copyIn("COPY c (id) FROM STDIN");
        assertThatThrownBy(() -> feed(extra, "8\tx\n")).isInstanceOf(PgException.class)
                .hasMessage("extra data after last expected column");
    }

    private Execution.CopyIn copyIn(String sql) {
        PreparedPlan plan = session.prepare(sql);
        return session.openInTransaction(plan).copyIn();
    }

    private void feed(Execution.CopyIn in, String data) {
        byte[] b = data.getBytes(StandardCharsets.UTF_8);
        in.data(b, 0, b.length);
    }

    private List<String> copyOut(String sql) {
        Execution.CopyOut out = session.openInTransaction(session.prepare(sql)).copyOut();
        List<String> chunks = new ArrayList<>();
        for (byte[] c; (c = out.nextChunk()) != null; ) {
            chunks.add(new String(c, StandardCharsets.UTF_8));
        }
        return chunks;
    }
}
