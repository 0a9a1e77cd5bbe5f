package io.tuskdb.catalog;

import io.tuskdb.storage.KeyRange;
import io.tuskdb.storage.RowCursor;
import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.Transaction;
import io.tuskdb.types.PgType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 while committing: every commit acknowledged before the kill is there after a restart (the WAL is synced
 * before commit returns), and the cluster opens cleanly.
 */
@Timeout(120)
class CrashRecoveryTest {
    @TempDir
    Path dir;

    private static final List<ColumnDescriptor> COLUMNS = List.of(
            new ColumnDescriptor("id", 0, PgType.INT8, -1, true, null),
            new ColumnDescriptor("payload", 0, PgType.TEXT, -1, false, null));

    /** The child process: commits rows from 4 threads and acknowledges each commit on stdout. */
    public static void main(String[] args) throws Exception {
        Cluster cluster = StoredCluster.open(Path.of(args[0]), "postgres", null);
        Transaction ddl = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
        TableDescriptor t = cluster.catalog().createTable(ddl, 5, "public", "crash", COLUMNS, new int[]{0});
        ddl.commit();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        synchronized (out) {
            out.println("ready");
            out.flush();
        }
        for (int w = 0; w < 4; w++) {
            long base = w * 1_000_000L;
            Thread.ofPlatform().start(() -> {
                for (long i = base; ; i++) {
                    Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, false);
                    cluster.tables().insert(tx, t.layout(), new Object[]{i, "row " + i});
                    tx.commit();
                    synchronized (out) {
                        out.println("ack " + i);
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void acknowledgedCommitsSurviveKillDashNine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashRecoveryTest.class.getName(), dir.resolve("data").toString())
                .redirectError(dir.resolve("child.log").toFile())
                .start();
        Set<Long> acked = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && acked.size() < 300) {
                if (line.startsWith("ack ")) {
                    acked.add(Long.parseLong(line.substring(4)));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush (and Java closes our end of stdout)
            child.waitFor();
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(300);

        try (Cluster cluster = StoredCluster.open(dir.resolve("data"), "postgres", null)) {
            Transaction tx = cluster.transactions().begin(IsolationLevel.READ_COMMITTED, true);
            TableDescriptor t = cluster.catalog().table(tx, 5, "public", "crash").orElseThrow();
            Set<Long> present = new HashSet<>();
            try (RowCursor c = cluster.tables().scan(tx, t.layout(), KeyRange.ALL)) {
                while (c.next()) {
                    long id = (Long) c.row()[0];
                    assertThat(c.row()[1]).isEqualTo("row " + id);
                    present.add(id);
                }
            }
            assertThat(present).containsAll(acked);
            tx.rollback();
        }
    }
}
