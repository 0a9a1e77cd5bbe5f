package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name [(cols)] AS query [WITH [NO] DATA]}. */
public record CreateTableAs(QualifiedName name, Persistence persistence, boolean ifNotExists, List<String> columns,
                            Select query, boolean withData) implements Statement {

    public CreateTableAs {
        columns = List.copyOf(columns);
    }
}
