package io.tuskdb.sqllogic;

import io.tuskdb.testing.TestServer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Runs every {@code src/test/resources/sqllogic/*.slt} file through pgjdbc against a real server with a fresh data
 * directory, once over the extended protocol and once over the simple query protocol.
 * {@code -Dsqllogic.rewrite=true} rewrites the expected query results in the files after a deliberate change.
 */
class SqlLogicTest {
    private static final Path DIRECTORY = Path.of("src/test/resources/sqllogic");
    private static final boolean REWRITE = Boolean.getBoolean("sqllogic.rewrite");

    @TestFactory
    Stream<DynamicNode> sqlLogicFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(DIRECTORY)) {
            files = list.filter(p -> p.toString().endsWith(".slt")).sorted().toList();
        }
        return files.stream().map(file -> dynamicContainer(file.getFileName().toString(), Stream.of(
                dynamicTest("extended protocol", () -> run(file, "extended")),
                dynamicTest("simple protocol", () -> run(file, "simple")))));
    }

    private static void run(Path file, String queryMode) throws Exception {
        SqlLogicFile parsed = SqlLogicFile.parse(file);
        List<String> failures = new ArrayList<>();
        List<SqlLogicFile.Query> rewritten = new ArrayList<>();
        try (TestServer server = TestServer.start();
             Connection connection = server.connect("preferQueryMode", queryMode)) {
            for (SqlLogicFile.Record record : parsed.records()) {
                String where = file.getFileName() + ":" + record.line() + " [" + queryMode + "] ";
                switch (record) {
                    case SqlLogicFile.StatementOk ok -> {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(ok.sql());
                        } catch (SQLException e) {
                            failures.add(where + "expected success, got " + e.getSQLState() + " " + e.getMessage());
                        }
                    }
                    case SqlLogicFile.StatementError error -> {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(error.sql());
                            failures.add(where + "expected error " + error.sqlState() + ", got success");
                        } catch (SQLException e) {
                            String message = serverMessage(e);
                            if (!error.sqlState().equals(e.getSQLState())
                                    || !message.startsWith(error.messagePrefix())) {
                                failures.add(where + "expected error " + error.sqlState() + " " + error.messagePrefix()
                                        + "\n      got " + e.getSQLState() + " " + message);
                            }
                        }
                    }
                    case SqlLogicFile.Query query -> {
                        List<String> actual;
                        try {
                            actual = rows(connection, query.sql());
                        } catch (SQLException e) {
                            failures.add(where + "query failed: " + e.getSQLState() + " " + e.getMessage());
                            continue;
                        }
                        if (query.rowSort()) {
                            Collections.sort(actual);
                        }
                        if (REWRITE) {
                            rewritten.add(new SqlLogicFile.Query(query.line(), query.rowSort(), query.sql(), actual));
                        } else if (!actual.equals(query.expected())) {
                            failures.add(where + "wrong result for\n" + query.sql() + "\n  expected:\n    "
                                    + String.join("\n    ", query.expected()) + "\n  actual:\n    "
                                    + String.join("\n    ", actual));
                        }
                    }
                }
            }
        }
        if (REWRITE && queryMode.equals("extended")) {
            SqlLogicRewriter.rewrite(file, rewritten);
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failure(s):\n" + String.join("\n", failures));
        }
    }

    private static String serverMessage(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException pe && pe.getServerErrorMessage() != null) {
            return pe.getServerErrorMessage().getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            StringBuilder row = new StringBuilder();
            while (rs.next()) {
                row.setLength(0);
                for (int c = 1; c <= columns; c++) {
                    if (c > 1) {
                        row.append('|');
                    }
                    String value = rs.getString(c);
                    row.append(value == null ? "NULL" : value);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
