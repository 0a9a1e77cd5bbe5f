package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name [(cols)] AS query [WITH [CASCADED|LOCAL] CHECK OPTION]}.
 * {@code queryText} is the query's source text as written, for the catalog.
 *
 * @param checkOption null, "local" or "cascaded"
 */
public record CreateView(QualifiedName name, boolean orReplace, Persistence persistence, List<String> columns,
                         Select query, String queryText, String checkOption) implements Statement {

    public CreateView {
        columns = List.copyOf(columns);
    }
}
