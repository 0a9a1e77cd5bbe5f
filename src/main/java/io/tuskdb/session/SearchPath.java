package io.tuskdb.session;

import java.util.ArrayList;
import java.util.List;

/** search_path's list syntax (PostgreSQL's SplitIdentifierString): names, double-quoted or folded to lower case. */
final class SearchPath {
    private SearchPath() {
    }

    /**
     * Whether a schema exists. TuskDB has no CREATE SCHEMA yet: every database has exactly PostgreSQL's public and
     * pg_catalog (the catalog keys tables by these names).
     */
    static boolean schemaExists(String name) {
        return name.equals("public") || name.equals("pg_catalog");
    }

    /** The elements of a search_path value: comma-separated, double-quoted or folded to lower case. */
    static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && (value.charAt(i) == ',' || Character.isWhitespace(value.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder sb = new StringBuilder();
            if (value.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = value.charAt(i++);
                    if (c == '"') {
                        if (i < n && value.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
            } else {
                while (i < n && value.charAt(i) != ',' && !Character.isWhitespace(value.charAt(i))) {
                    sb.append(Character.toLowerCase(value.charAt(i++)));
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
