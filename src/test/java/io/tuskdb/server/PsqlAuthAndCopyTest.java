package io.tuskdb.server;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import io.tuskdb.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** psql (libpq) logging in over SCRAM and running COPY FROM STDIN; skipped when psql is not installed. */
class PsqlAuthAndCopyTest {

    private static Path psql() {
        for (String candidate : List.of("/usr/bin/psql", "/usr/lib/postgresql/15/bin/psql", "/usr/local/bin/psql")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private static String run(TestServer server, String script, String password, boolean ssl) throws Exception {
        Path psql = psql();
        Assumptions.assumeTrue(psql != null, "psql is not installed");
        ProcessBuilder pb = new ProcessBuilder(psql.toString(), "-X", "-q", "-h", "127.0.0.1", "-p",
                Integer.toString(server.port()), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=0")
                .redirectErrorStream(true);
        pb.environment().put("PGSSLMODE", ssl ? "require" : "disable");
        if (password != null) {
            pb.environment().put("PGPASSWORD", password);
        }
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = pb.start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void scriptWithErrorsCopyAndTransactions() throws Exception {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 scram-sha-256"), "secret", 10)) {
            String out = run(server, """
                    CREATE TABLE t (a int PRIMARY KEY, b text);
                    COPY t FROM STDIN;
                    1\tone
                    2\ttwo
                    \\.
                    SELECT a, b FROM t ORDER BY a;
                    BEGIN;
                    SELECT nope;
                    SELECT 1;
                    ROLLBACK;
                    SELECT 1/0;
                    \\echo done
                    """, "secret", false);
            assertThat(out).contains(" a |  b  \n---+-----\n 1 | one\n 2 | two\n(2 rows)");
            assertThat(out).contains("ERROR:  column \"nope\" does not exist\nLINE 1: SELECT nope;\n               ^");
            assertThat(out).contains("ERROR:  current transaction is aborted, commands ignored until end of "
                    + "transaction block");
            assertThat(out).contains("ERROR:  division by zero");
            assertThat(out).endsWith("done\n");
        }
    }

    @Test
    void wrongPasswordMessage() throws Exception {
        try (TestServer server = TestServer.start(Clients.rules("host all all 127.0.0.1/32 scram-sha-256"), "secret", 10)) {
            String out = run(server, "SELECT 1;", "wrong", false);
            assertThat(out).contains("FATAL:  password authentication failed for user \"postgres\"");
        }
    }
}
