package io.tuskdb.sql.parser.ast;

import java.util.List;

/** A possibly qualified object name ({@code t}, {@code s.t}, {@code db.s.t}), case-folded, at a 1-based position. */
public record QualifiedName(List<String> parts, int position) {

    public QualifiedName {
        parts = List.copyOf(parts);
    }

    public String name() {
        return parts.get(parts.size() - 1);
    }

    /** The schema, or null when unqualified. */
    public String schema() {
        return parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    }

    /** The catalog (database) of a three-part name, or null. */
    public String catalog() {
        return parts.size() > 2 ? parts.get(parts.size() - 3) : null;
    }
}
