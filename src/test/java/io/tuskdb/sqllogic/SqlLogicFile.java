package io.tuskdb.sqllogic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL logic test file: records separated by blank lines, in the style of sqllogictest.
 * <pre>
 * statement ok
 * CREATE TABLE t (id int PRIMARY KEY)
 *
 * statement error 23505 duplicate key value
 * INSERT INTO t VALUES (1), (1)
 *
 * query rowsort
 * SELECT id FROM t
 * ----
 * 1
 * </pre>
 * Query results: one row per line, values joined by {@code |}, SQL NULL as {@code NULL}, PostgreSQL's text output.
 */
record SqlLogicFile(Path path, List<Record> records) {

    sealed interface Record permits StatementOk, StatementError, Query {
        int line();

        String sql();
    }

    record StatementOk(int line, String sql) implements Record {
    }

    /** @param messagePrefix the expected start of the error message, or empty to check the SQLSTATE only */
    record StatementError(int line, String sqlState, String messagePrefix, String sql) implements Record {
    }

    record Query(int line, boolean rowSort, String sql, List<String> expected) implements Record {
    }

    static SqlLogicFile parse(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        List<Record> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                i++;
                continue;
            }
            int headerLine = i + 1;
            String[] header = line.split("\\s+", 4);
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
                if (!sql.isEmpty()) {
                    sql.append('\n');
                }
                sql.append(lines.get(i));
                i++;
            }
            switch (header[0]) {
                case "statement" -> {
                    if (header.length >= 2 && header[1].equals("ok")) {
                        records.add(new StatementOk(headerLine, sql.toString()));
                    } else if (header.length >= 3 && header[1].equals("error")) {
                        String prefix = line.split("\\s+", 4).length == 4 ? line.split("\\s+", 4)[3] : "";
                        records.add(new StatementError(headerLine, header[2], prefix, sql.toString()));
                    } else {
                        throw new IllegalArgumentException(path + ":" + headerLine + ": bad statement header: " + line);
                    }
                }
                case "query" -> {
                    boolean rowSort = header.length >= 2 && header[1].equals("rowsort");
                    List<String> expected = new ArrayList<>();
                    if (i < lines.size() && lines.get(i).equals("----")) {
                        i++;
                        while (i < lines.size() && !lines.get(i).isEmpty()) {
                            expected.add(lines.get(i));
                            i++;
                        }
                    }
                    records.add(new Query(headerLine, rowSort, sql.toString(), expected));
                }
                default -> throw new IllegalArgumentException(path + ":" + headerLine + ": unknown record: " + line);
            }
        }
        return new SqlLogicFile(path, records);
    }
}
