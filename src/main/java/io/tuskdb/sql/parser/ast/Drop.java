package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code DROP TABLE|INDEX|VIEW|SEQUENCE|SCHEMA [CONCURRENTLY] [IF EXISTS] names [CASCADE | RESTRICT]}. */
public record Drop(ObjectKind kind, List<QualifiedName> names, boolean ifExists, boolean cascade,
                   boolean concurrently) implements Statement {

    public Drop {
        names = List.copyOf(names);
    }

    public enum ObjectKind { TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE, SCHEMA, TYPE, DATABASE, ROLE, FUNCTION }
}
