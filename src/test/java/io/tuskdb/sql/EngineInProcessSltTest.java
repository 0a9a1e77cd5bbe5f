package io.tuskdb.sql;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.error.PgException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the SQL logic files of src/test/resources/sqllogic straight through {@link SqlEngine} with a test session
 * over a real cluster in a temporary directory (one cluster per file) — no protocol involved.
 */
class EngineInProcessSltTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> sqlLogicFiles() throws Exception {
        Path root = Path.of("src/test/resources/sqllogic");
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".slt")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> runFile(f)));
    }

    private void runFile(Path file) {
        List<String> failures = new ArrayList<>();
        Path data = dir.resolve(file.getFileName().toString());
        try (Cluster cluster = StoredCluster.open(data, "postgres", null)) {
            TestSession session = new TestSession(cluster);
            for (SqlLogicFile.Record r : SqlLogicFile.read(file).records()) {
                String where = file.getFileName() + ":" + r.line() + ": " + r.sql();
                try {
                    List<String> rows = session.run(r.sql());
                    switch (r.kind()) {
                        case "ok" -> {
                        }
                        case "error" -> failures.add(where + "\n  expected error " + r.sqlState() + " but succeeded");
                        default -> {
                            List<String> actual = new ArrayList<>(rows);
                            if (r.rowsort()) {
                                actual.sort(null);
                            }
                            if (!actual.equals(r.expected())) {
                                failures.add(where + "\n  expected " + r.expected() + "\n  actual   " + actual);
                            }
                        }
                    }
                } catch (PgException e) {
                    boolean ok = r.kind().equals("error") && (r.sqlState() == null || r.sqlState().equals(e.sqlState().code()))
                            && (r.message() == null || e.getMessage().startsWith(r.message()));
                    if (!ok) {
                        failures.add(where + "\n  expected " + (r.kind().equals("error") ? r.sqlState() + " " + r.message() : "success")
                                + "\n  got " + e.sqlState().code() + " " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    failures.add(where + "\n  crashed: " + e);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
        assertThat(failures).isEmpty();
    }
}
