package io.tuskdb.clients;

import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * psql, the reference client, runs a scripted session; its output must be what psql prints against PostgreSQL 15.
 * The expected file was produced by running the same script with the same psql against a real PostgreSQL 15.
 */
class PsqlClientTest {

    static String psql() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "psql");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    @Test
    void scriptedSessionPrintsWhatPostgresPrints() throws Exception {
        String psql = psql();
        assumeTrue(psql != null, "psql is not installed; skipping the psql client test");
        Path script = Path.of("src/test/resources/psql/session.sql");
        String expected = Files.readString(Path.of("src/test/resources/psql/session.expected"));
        try (TestServer server = TestServer.start()) {
            Process process = new ProcessBuilder(psql, "-X", "-a", "-q", "-h", "127.0.0.1",
                    "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres", "-f", "-")
                    .redirectInput(script.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).isEqualTo(expected);
            assertThat(process.exitValue()).isZero();
        }
    }
}
