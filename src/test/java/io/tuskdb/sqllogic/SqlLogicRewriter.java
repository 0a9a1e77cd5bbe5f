package io.tuskdb.sqllogic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Replaces the expected results of query records in a .slt file with actual ones (-Dsqllogic.rewrite=true). */
final class SqlLogicRewriter {
    private SqlLogicRewriter() {
    }

    static void rewrite(Path file, List<SqlLogicFile.Query> actual) throws IOException {
        Map<Integer, List<String>> byLine = new HashMap<>();
        actual.forEach(q -> byLine.put(q.line(), q.expected()));
        List<String> in = Files.readAllLines(file);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            String line = in.get(i);
            out.add(line);
            List<String> rows = byLine.get(i + 1);
            i++;
            if (rows == null) {
                continue;
            }
            while (i < in.size() && !in.get(i).isBlank() && !in.get(i).equals("----")) {
                out.add(in.get(i++));
            }
            if (i < in.size() && in.get(i).equals("----")) {
                i++;
                while (i < in.size() && !in.get(i).isEmpty()) {
                    i++;
                }
            }
            out.add("----");
            out.addAll(rows);
        }
        Files.write(file, out);
    }
}
