package io.tuskdb.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed .slt file: {@code statement ok}, {@code statement error <SQLSTATE> [message prefix]},
 * {@code query [rowsort]} with expected lines after {@code ----}; blank lines end records, {@code #} comments.
 */
record SqlLogicFile(List<SqlLogicFile.Record> records) {

    record Record(int line, String kind, String sqlState, String message, String sql, boolean rowsort,
                  List<String> expected) {
    }

    static SqlLogicFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Record> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            String[] head = l.trim().split("\\s+", 4);
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
                sql.append(sql.isEmpty() ? "" : "\n").append(lines.get(i++));
            }
            List<String> expected = new ArrayList<>();
            if (i < lines.size() && lines.get(i).equals("----")) {
                i++;
                while (i < lines.size() && !lines.get(i).isBlank()) {
                    expected.add(lines.get(i++));
                }
            }
            switch (head[0]) {
                case "statement" -> {
                    if (head[1].equals("ok")) {
                        records.add(new Record(start, "ok", null, null, sql.toString(), false, List.of()));
                    } else {
                        String code = head.length > 2 ? head[2] : null;
                        String msg = l.trim().split("\\s+", 4).length > 3 ? l.trim().split("\\s+", 4)[3] : null;
                        records.add(new Record(start, "error", code, msg, sql.toString(), false, List.of()));
                    }
                }
                case "query" -> records.add(new Record(start, "query", null, null, sql.toString(),
                        head.length > 1 && head[1].equals("rowsort"), expected));
                default -> throw new IllegalArgumentException(path + ":" + start + ": unknown record " + l);
            }
        }
        return new SqlLogicFile(records);
    }
}
