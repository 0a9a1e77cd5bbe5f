package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Parse, format, parse again: the two trees are equal ignoring positions, and formatting is stable. */
class RoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "SELECT a, b AS x, c y FROM t WHERE a = 1 AND NOT b OR c IS NULL",
            "SELECT * FROM s.t AS x(a, b) WHERE x.a <> 2 AND x.b != 3",
            "SELECT -1, - 2, +3, -2147483648, 2147483648, 9223372036854775808, -9223372036854775808, 1.5e10, .5, 1.",
            "SELECT 'it''s', E'a\\nb', $$dollar$$, $q$x$$y$q$, N'x'",
            "SELECT a + b * c - d / e % f ^ g, a || b, @ a, ~ b, |/ c, a ~~ b, a !~~* b",
            "SELECT a BETWEEN 1 AND 2, a NOT BETWEEN SYMMETRIC 2 AND 1, a IN (1, 2), a NOT IN (SELECT 1)",
            "SELECT a LIKE 'x%' ESCAPE '!', a NOT ILIKE 'y', a SIMILAR TO 'z', a NOT SIMILAR TO 'w' ESCAPE '#'",
            "SELECT a IS TRUE, a IS NOT FALSE, a IS UNKNOWN, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b, a ISNULL, a NOTNULL",
            "SELECT x = ANY (ARRAY[1, 2]), x < ALL (SELECT y FROM t), x LIKE ANY (ARRAY['a']), x NOT ILIKE ALL (ARRAY['b'])",
            "SELECT EXISTS (SELECT 1), (SELECT 1), ARRAY(SELECT 1), ARRAY[[1, 2], [3, 4]], ARRAY[]::int[]",
            "SELECT CAST(a AS integer), a::bigint, a::varchar(10)[], a::numeric(10, 2), a::double precision, a::float(3)",
            "SELECT a::timestamp with time zone, a::time(3) without time zone, a::interval day to second(3), a::char, a::bit varying(5)",
            "SELECT DATE '2020-01-01', INTERVAL '1' DAY, INTERVAL '1:2' HOUR TO MINUTE, INTERVAL(3) '1', TIMESTAMP(2) '2020-01-01', int '1', pg_catalog.varchar(3) 'x'",
            "SELECT count(*), count(DISTINCT a), sum(a ORDER BY b DESC NULLS LAST), string_agg(a, ',') FILTER (WHERE a > 0)",
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a), f(VARIADIC ARRAY[1]), f(a => 1, b := 2)",
            "SELECT row_number() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), rank() OVER w FROM t WINDOW w AS (ORDER BY a RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING EXCLUDE TIES)",
            "SELECT CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END, CASE a WHEN 1 THEN 'x' END",
            "SELECT COALESCE(a, b), NULLIF(a, b), GREATEST(1, 2), LEAST(1, 2)",
            "SELECT CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(3), LOCALTIME, LOCALTIMESTAMP(0), CURRENT_USER, SESSION_USER, USER, CURRENT_ROLE, CURRENT_SCHEMA, CURRENT_CATALOG",
            "SELECT EXTRACT(year FROM d), POSITION('a' IN b), SUBSTRING(s FROM 1 FOR 2), SUBSTRING(s, 1), TRIM(BOTH 'x' FROM s), TRIM(LEADING FROM s), OVERLAY(s PLACING 'x' FROM 2 FOR 3)",
            "SELECT a[1], a[1:2], a[:3], (b).f, (c).*, $1, $2[1], ROW(1, 2), (1, 2), a COLLATE \"C\", t.*",
            "SELECT ts AT TIME ZONE 'UTC', a OPERATOR(pg_catalog.+) b",
            "SELECT DISTINCT a FROM t", "SELECT DISTINCT ON (a, b) a, b FROM t ORDER BY a, b",
            "SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1",
            "SELECT * FROM a JOIN b ON a.x = b.x LEFT JOIN c USING (y) RIGHT OUTER JOIN d ON TRUE FULL JOIN e USING (z) AS j CROSS JOIN f NATURAL JOIN g",
            "SELECT * FROM a, LATERAL (SELECT 1) AS s(x), generate_series(1, 10) WITH ORDINALITY AS g(v, n), ONLY p",
            "SELECT * FROM (a JOIN b ON TRUE) AS ab, (VALUES (1, 2)) AS v(x, y)",
            "SELECT * FROM ((SELECT 1) AS s JOIN t ON TRUE) AS j, ((SELECT 2)) AS q, ((SELECT 3) UNION (SELECT 4)) AS u",
            "SELECT * FROM (SELECT * FROM t2) AS s2 NATURAL FULL JOIN (SELECT * FROM t3) AS s3",
            "SET ROLE bob", "SET role TO DEFAULT", "SET NAMES 'UTF8'", "SET SESSION AUTHORIZATION DEFAULT",
            "UPDATE t SET (a, b) = ROW(v.*) FROM v",
            "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4",
            "(SELECT 1 ORDER BY 1 LIMIT 1) UNION ALL (SELECT 2) ORDER BY 1 DESC LIMIT 5 OFFSET 2",
            "SELECT * FROM t ORDER BY a USING < LIMIT ALL OFFSET 3 ROWS",
            "SELECT * FROM t ORDER BY a FETCH FIRST 3 ROWS WITH TIES",
            "SELECT * FROM t FETCH NEXT ROW ONLY",
            "SELECT * FROM t FOR UPDATE OF t NOWAIT FOR SHARE SKIP LOCKED FOR NO KEY UPDATE FOR KEY SHARE",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5), m AS MATERIALIZED (SELECT 2) SELECT * FROM r, m",
            "WITH d AS (DELETE FROM t WHERE a RETURNING *) SELECT * FROM d",
            "VALUES (1, 'a'), (2, 'b') ORDER BY 1",
            "TABLE t",
            "SELECT FROM t",
            "SELECT 1 is, 2 and FROM t", "SELECT (SELECT 1 like)",
            "INSERT INTO t VALUES (1, DEFAULT)",
            "INSERT INTO s.t AS x (a, b[1], c.f) OVERRIDING SYSTEM VALUE SELECT 1, 2, 3 RETURNING a, b AS bb",
            "INSERT INTO t DEFAULT VALUES",
            "INSERT INTO t (a) VALUES (1) ON CONFLICT (a) WHERE a > 0 DO UPDATE SET b = excluded.b WHERE t.c IS NULL",
            "INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING",
            "INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING",
            "WITH v AS (SELECT 1) INSERT INTO t SELECT * FROM v",
            "UPDATE ONLY t AS x SET a = 1, b[2] = DEFAULT, (c, d) = (3, 4), (e, f) = (SELECT 5, 6) FROM u WHERE x.id = u.id RETURNING *",
            "UPDATE t SET a = a + 1",
            "DELETE FROM t AS x USING u WHERE x.id = u.id RETURNING x.*",
            "CREATE TABLE t (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'x', n numeric(10, 2) CHECK (n > 0), r int REFERENCES u (id) ON DELETE CASCADE ON UPDATE SET NULL, CONSTRAINT uq UNIQUE (name) DEFERRABLE INITIALLY DEFERRED, PRIMARY KEY (id, name), FOREIGN KEY (r) REFERENCES u MATCH FULL, CHECK (id > 0) NO INHERIT)",
            "CREATE TEMP TABLE IF NOT EXISTS t (a int GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 2), b int GENERATED ALWAYS AS (a * 2) STORED, c text COLLATE \"C\" NULL, d int UNIQUE NULLS NOT DISTINCT) ON COMMIT DROP",
            "CREATE UNLOGGED TABLE t () INHERITS (p)",
            "CREATE TABLE t2 AS SELECT * FROM t WITH NO DATA",
            "CREATE TABLE t2 (x, y) AS VALUES (1, 2)",
            "DROP TABLE IF EXISTS a, s.b CASCADE", "DROP INDEX CONCURRENTLY i", "DROP VIEW v", "DROP SCHEMA s RESTRICT",
            "DROP SEQUENCE q", "DROP MATERIALIZED VIEW mv",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING btree (a DESC NULLS FIRST, (lower(b)), c text_pattern_ops) INCLUDE (d) WHERE a > 0",
            "CREATE INDEX ON t (a)",
            "CREATE SCHEMA IF NOT EXISTS s AUTHORIZATION bob", "CREATE SCHEMA AUTHORIZATION bob",
            "CREATE SEQUENCE IF NOT EXISTS q AS bigint INCREMENT BY -1 MINVALUE -100 NO MAXVALUE START WITH -1 CACHE 10 CYCLE OWNED BY t.a",
            "ALTER SEQUENCE q RESTART WITH 5 NO CYCLE",
            "CREATE OR REPLACE TEMP VIEW v (a, b) AS SELECT 1, 2 WITH LOCAL CHECK OPTION",
            "ALTER TABLE IF EXISTS ONLY t ADD COLUMN IF NOT EXISTS c int DEFAULT 0, DROP COLUMN d CASCADE, ALTER COLUMN e TYPE bigint USING e::bigint, ALTER COLUMN f SET DEFAULT now(), ALTER COLUMN g DROP DEFAULT, ALTER COLUMN h SET NOT NULL, ALTER COLUMN i DROP NOT NULL, ADD CONSTRAINT c1 CHECK (a > 0), DROP CONSTRAINT IF EXISTS c2, OWNER TO bob",
            "ALTER TABLE t RENAME TO u", "ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE t RENAME CONSTRAINT a TO b",
            "ALTER TABLE t SET SCHEMA s",
            "BEGIN", "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY, DEFERRABLE", "START TRANSACTION READ WRITE",
            "COMMIT", "COMMIT AND CHAIN", "ROLLBACK", "ROLLBACK AND CHAIN", "SAVEPOINT s", "RELEASE SAVEPOINT s",
            "ROLLBACK TO SAVEPOINT s", "PREPARE TRANSACTION 'g'", "COMMIT PREPARED 'g'", "ROLLBACK PREPARED 'g'",
            "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", "SET TRANSACTION SNAPSHOT '0001'",
            "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED",
            "SET search_path TO public, \"$user\"", "SET LOCAL statement_timeout = 5", "SET x.y TO DEFAULT",
            "SET extra_float_digits = -3", "SET a = 1.5", "SET a FROM CURRENT", "SET datestyle TO iso, mdy",
            "SHOW ALL", "SHOW search_path", "RESET ALL", "RESET timezone", "SHOW x.y",
            "COPY t (a, b) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ',', NULL 'x', FORCE_QUOTE *, FORCE_NOT_NULL (a, b))",
            "COPY t TO '/tmp/x' WITH (FORMAT binary)", "COPY (SELECT 1) TO STDOUT", "COPY t FROM PROGRAM 'cat' WHERE a > 1",
            "EXPLAIN SELECT 1", "EXPLAIN (ANALYZE, VERBOSE false, FORMAT json) SELECT 1", "EXPLAIN EXECUTE p (1)",
            "TRUNCATE a, b RESTART IDENTITY CASCADE",
            "PREPARE p (int, text) AS SELECT $1, $2", "EXECUTE p (1, 'a')", "EXECUTE p", "DEALLOCATE p", "DEALLOCATE ALL",
            "LISTEN c", "NOTIFY c", "NOTIFY c, 'payload'", "UNLISTEN c", "UNLISTEN *",
            "VACUUM", "VACUUM FULL ANALYZE t", "VACUUM (VERBOSE, ANALYZE) a, s.b", "ANALYZE", "ANALYZE VERBOSE t",
            "CREATE TABLE t (a int PRIMARY KEY WITH (fillfactor = 50)) WITH (fillfactor = 100, autovacuum_enabled = false)",
            "DISCARD ALL", "DISCARD PLANS", "DISCARD SEQUENCES", "DISCARD TEMP", "CHECKPOINT",
            "SELECT \"Mixed Case\", \"select\", \"a\"\"b\" FROM \"T\"",
            "SELECT name, text, type, value, key, date, time, timestamp, interval, position, data FROM t",
    })
    void roundTrips(String sql) {
        Statement first = AstShape.single(sql);
        String formatted = AstFormatter.format(first);
        Statement second = AstShape.single(formatted);
        assertThat(AstShape.of(second)).as(formatted).isEqualTo(AstShape.of(first));
        assertThat(AstFormatter.format(second)).isEqualTo(formatted);
    }
}
