package io.tuskdb.sql;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXPLAIN shows the primary-key access the planner chose. The expected plans are PostgreSQL 15's for the same
 * schema with {@code SET enable_bitmapscan = off} (its default prefers bitmap scans on tables without statistics).
 */
class ExplainTest {
    @TempDir
    Path dir;
    Cluster cluster;
    TestSession session;

    @BeforeEach
    void open() {
        cluster = StoredCluster.open(dir, "postgres", null);
        session = new TestSession(cluster);
        session.run("CREATE TABLE t (id int PRIMARY KEY, name text, v int)");
        session.run("CREATE TABLE k2 (a int, b int, payload text, PRIMARY KEY (a, b))");
        session.run("CREATE TABLE u (x int, tid int)");
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void rangeOnTheKeyIsAnIndexScanWithTheRestAsFilter() {
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id > 3 AND id <= 10 AND name <> 'x'"))
                .containsExactly("Index Scan using t_pkey on t",
                        "  Index Cond: ((id > 3) AND (id <= 10))",
                        "  Filter: (name <> 'x'::text)");
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE 2 <= id AND id < 4"))
                .containsExactly("Index Scan using t_pkey on t", "  Index Cond: ((id >= 2) AND (id < 4))");
    }

    @Test
    void orderByTheKeyNeedsNoSort() {
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id > 3 AND id <= 10 ORDER BY id LIMIT 2"))
                .containsExactly("Limit", "  ->  Index Scan using t_pkey on t",
                        "        Index Cond: ((id > 3) AND (id <= 10))");
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM k2 ORDER BY a, b DESC"))
                .containsExactly("Sort", "  Sort Key: a, b DESC", "  ->  Seq Scan on k2");
        session.run("INSERT INTO t VALUES (3, 'c', 1), (1, 'a', 1), (2, 'b', 1)");
        assertThat(session.run("SELECT id FROM t WHERE id IN (3, 1, 2) ORDER BY id")).containsExactly("1", "2", "3");
    }

    @Test
    void inListIsSeveralPointLookups() {
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id IN (1, 2, 3)"))
                .containsExactly("Index Scan using t_pkey on t", "  Index Cond: (id = ANY ('{1,2,3}'::integer[]))");
    }

    @Test
    void keyPrefixAndParameters() {
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM k2 WHERE a = 1"))
                .containsExactly("Index Scan using k2_pkey on k2", "  Index Cond: (a = 1)");
        PreparedPlan p = session.prepare("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id = $1", 23);
        assertThat(session.execute(p, 5)).containsExactly("Index Scan using t_pkey on t", "  Index Cond: (id = $1)");
    }

    @Test
    void nonKeyPredicatesScanEverything() {
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM k2 WHERE b = 2"))
                .containsExactly("Seq Scan on k2", "  Filter: (b = 2)");
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id + 0 = 5"))
                .containsExactly("Seq Scan on t", "  Filter: ((id + 0) = 5)");
    }

    @Test
    void joinsSortsAndAggregates() {
        assertThat(session.run("EXPLAIN (COSTS OFF) SELECT t.name, count(*) FROM t JOIN u ON t.id = u.tid "
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
