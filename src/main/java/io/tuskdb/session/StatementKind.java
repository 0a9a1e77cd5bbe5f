package io.tuskdb.session;

/**
 * What the session needs to know of a statement before the engine analyses it, read from its first keyword:
 * whether it takes a snapshot (PostgreSQL's analyze_requires_snapshot / PlannedStmtRequiresSnapshot, after which
 * SET TRANSACTION ISOLATION LEVEL and READ WRITE are refused) and whether it is a SET statement (whose SET LOCAL
 * warns outside a transaction block, unlike set_config(..., true) called by a query).
 */
enum StatementKind {
    /** SET, RESET, SET TRANSACTION, SET CONSTRAINTS. */
    SET,
    /** SHOW, transaction control, LOCK, LISTEN/NOTIFY/UNLISTEN, FETCH, CHECKPOINT: no snapshot. */
    NO_SNAPSHOT,
    /** Queries, DML and the other utility statements. */
    SNAPSHOT;

    static StatementKind of(String sql) {
        String word = firstWord(sql);
        return switch (word) {
            case "SET", "RESET" -> SET;
            case "SHOW", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE",
                 "LOCK", "LISTEN", "NOTIFY", "UNLISTEN", "FETCH", "CHECKPOINT", "" -> NO_SNAPSHOT;
            default -> SNAPSHOT;
        };
    }

    /** The first keyword in upper case, skipping white space, comments and opening parentheses. */
    static String firstWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 1; // PostgreSQL's block comments nest
                i += 2;
                while (i < n && depth > 0) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(java.util.Locale.ROOT);
    }
}
