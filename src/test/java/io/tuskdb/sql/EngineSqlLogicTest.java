package io.tuskdb.sql;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.server.HbaRule;
import io.tuskdb.server.Postmaster;
import io.tuskdb.server.ServerConfig;
import io.tuskdb.server.ShutdownMode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs src/test/resources/sqllogic/*.slt through pgjdbc against a real postmaster (one fresh cluster per file,
 * trust authentication, simple query mode so values arrive in PostgreSQL's text format). The integrator's shared
 * runner replaces this one later.
 */
class EngineSqlLogicTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> sqlLogicFiles() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/sqllogic"))) {
            files = s.filter(p -> p.toString().endsWith(".slt")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> runFile(f)));
    }

    private void runFile(Path file) throws SQLException {
        Cluster cluster = StoredCluster.open(dir.resolve(file.getFileName().toString()), "postgres", null);
        Postmaster postmaster = new Postmaster(new ServerConfig(List.of("127.0.0.1"), 0, 5,
                List.of(HbaRule.parse("host all all 127.0.0.1/32 trust")), null, Duration.ofSeconds(5)),
                cluster, new SqlEngine());
        postmaster.start();
        List<String> failures = new ArrayList<>();
        try {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            p.setProperty("preferQueryMode", "simple");
            p.setProperty("socketTimeout", "30");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postmaster.localPort()
                    + "/postgres", p)) {
                for (SqlLogicFile.Record r : SqlLogicFile.read(file).records()) {
                    check(c, r, file.getFileName() + ":" + r.line() + ": " + r.sql(), failures);
                }
            }
        } finally {
            postmaster.shutdown(ShutdownMode.IMMEDIATE);
            cluster.close();
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
    }

    private static void check(Connection c, SqlLogicFile.Record r, String where, List<String> failures) {
        try (Statement st = c.createStatement()) {
            boolean hasRows = st.execute(r.sql());
            List<String> rows = new ArrayList<>();
            if (hasRows) {
                try (ResultSet rs = st.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            String v = rs.getString(i);
                            sb.append(i > 1 ? "|" : "").append(v == null ? "NULL" : v);
                        }
                        rows.add(sb.toString());
                    }
                }
            }
            switch (r.kind()) {
                case "ok" -> {
                }
                case "error" -> failures.add(where + "\n  expected error " + r.sqlState() + " but succeeded");
                default -> {
                    if (r.rowsort()) {
                        rows.sort(null);
                    }
                    if (!rows.equals(r.expected())) {
                        failures.add(where + "\n  expected " + r.expected() + "\n  actual   " + rows);
                    }
                }
            }
        } catch (SQLException e) {
            boolean ok = r.kind().equals("error") && (r.sqlState() == null || r.sqlState().equals(e.getSQLState()))
                    && (r.message() == null || String.valueOf(e.getMessage()).startsWith("ERROR: " + r.message()));
            if (!ok) {
                failures.add(where + "\n  expected " + (r.kind().equals("error") ? r.sqlState() + " " + r.message()
                        : "success") + "\n  got " + e.getSQLState() + " " + e.getMessage());
            }
        }
    }
}
