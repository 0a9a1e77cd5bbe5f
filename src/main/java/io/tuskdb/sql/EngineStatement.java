package io.tuskdb.sql;

import io.tuskdb.sql.parser.ParsedSql;
import io.tuskdb.sql.parser.ast.Statement;

/** A parsed statement of a query string, carrying its AST. */
record EngineStatement(ParsedSql parsed) implements ParsedStatement {
    Statement ast() {
        return parsed.statement();
    }

    @Override
    public String sql() {
        return parsed.text();
    }

    @Override
    public int offset() {
        return parsed.offset();
    }

    @Override
    public boolean isTransactionExit() {
        return parsed.statement().isTransactionExit();
    }

    @Override
    public boolean isTransactionControl() {
        return parsed.statement().isTransactionControl();
    }
}
