package io.tuskdb.server;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The startup packet's "options" parameter: command-line switches for the backend, of which TuskDB supports
 * {@code -c name=value} and {@code --name=value} (PostgreSQL's pg_split_opts and process_postgres_switches).
 * Backslash escapes a space.
 */
final class StartupOptions {
    private StartupOptions() {
    }

    static Map<String, String> parse(String options) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] words = split(options);
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String assignment;
            if (w.equals("-c") && i + 1 < words.length) {
                assignment = words[++i];
            } else if (w.startsWith("-c") && w.length() > 2) {
                assignment = w.substring(2);
            } else if (w.startsWith("--")) {
                assignment = w.substring(2);
            } else {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.FATAL,
                        "invalid command-line argument for server process: " + w, null,
                        "Try \"postgres --help\" for more information.", 0, null, null, null, null, null);
            }
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new PgException(SqlState.SYNTAX_ERROR, Severity.FATAL,
                        "-c " + assignment + " requires a value", null, null, 0, null, null, null, null, null);
            }
            out.put(assignment.substring(0, eq).replace('-', '_'), assignment.substring(eq + 1));
        }
        return out;
    }

    private static String[] split(String s) {
        java.util.List<String> words = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escaped) {
                sb.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (Character.isWhitespace(c)) {
                if (!sb.isEmpty()) {
                    words.add(sb.toString());
                    sb.setLength(0);
                }
            } else {
                sb.append(c);
            }
        }
        if (!sb.isEmpty()) {
            words.add(sb.toString());
        }
        return words.toArray(new String[0]);
    }
}
