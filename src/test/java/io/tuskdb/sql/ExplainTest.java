package io.tuskdb.sql;

import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXPLAIN shows the primary-key access the planner chose. The expected plans are PostgreSQL 15's for the same
 * schema with {@code SET enable_bitmapscan = off} (its default prefers bitmap scans on tables without statistics).
 */
class ExplainTest {
    TestServer server;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        server = TestServer.start();
        c = server.connect();
        run("CREATE TABLE t (id int PRIMARY KEY, name text, v int)");
        run("CREATE TABLE k2 (a int, b int, payload text, PRIMARY KEY (a, b))");
        run("CREATE TABLE u (x int, tid int)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        server.close();
    }

    private List<String> run(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            List<String> out = new ArrayList<>();
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        }
    }

    @Test
    void rangeOnTheKeyIsAnIndexScanWithTheRestAsFilter() throws SQLException {
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id > 3 AND id <= 10 AND name <> 'x'"))
                .containsExactly("Index Scan using t_pkey on t",
                        "  Index Cond: ((id > 3) AND (id <= 10))",
                        "  Filter: (name <> 'x'::text)");
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE 2 <= id AND id < 4"))
                .containsExactly("Index Scan using t_pkey on t", "  Index Cond: ((id >= 2) AND (id < 4))");
    }

    @Test
    void orderByTheKeyNeedsNoSort() throws SQLException {
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id > 3 AND id <= 10 ORDER BY id LIMIT 2"))
                .containsExactly("Limit", "  ->  Index Scan using t_pkey on t",
                        "        Index Cond: ((id > 3) AND (id <= 10))");
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM k2 ORDER BY a, b DESC"))
                .containsExactly("Sort", "  Sort Key: a, b DESC", "  ->  Seq Scan on k2");
        run("INSERT INTO t VALUES (3, 'c', 1), (1, 'a', 1), (2, 'b', 1)");
        assertThat(run("SELECT id FROM t WHERE id IN (3, 1, 2) ORDER BY id")).containsExactly("1", "2", "3");
    }

    @Test
    void inListIsSeveralPointLookups() throws SQLException {
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id IN (1, 2, 3)"))
                .containsExactly("Index Scan using t_pkey on t", "  Index Cond: (id = ANY ('{1,2,3}'::integer[]))");
    }

    @Test
    void keyPrefixAndParameters() throws SQLException {
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM k2 WHERE a = 1"))
                .containsExactly("Index Scan using k2_pkey on k2", "  Index Cond: (a = 1)");
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id = ?")) {
            ps.setInt(1, 5);
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            assertThat(plan).containsExactly("Index Scan using t_pkey on t", "  Index Cond: (id = $1)");
        }
    }

    @Test
    void nonKeyPredicatesScanEverything() throws SQLException {
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM k2 WHERE b = 2"))
                .containsExactly("Seq Scan on k2", "  Filter: (b = 2)");
        assertThat(run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id + 0 = 5"))
                .containsExactly("Seq Scan on t", "  Filter: ((id + 0) = 5)");
    }

    @Test
    void joinsSortsAndAggregates() throws SQLException {
        assertThat(run("EXPLAIN (COSTS OFF) SELECT t.name, count(*) FROM t JOIN u ON t.id = u.tid "
                + "WHERE t.v > 1 GROUP BY t.name ORDER BY 2 LIMIT 3"))
                .containsExactly("Limit",
                        "  ->  Sort",
                        "        Sort Key: (count(*))",
                        "        ->  HashAggregate",
                        "              Group Key: t.name",
                        "              ->  Hash Join",
                        "                    Hash Cond: (t.id = u.tid)",
                        "                    ->  Seq Scan on t",
                        "                          Filter: (v > 1)",
                        "                    ->  Hash",
                        "                          ->  Seq Scan on u");
    }
}
