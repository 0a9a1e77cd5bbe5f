package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.QueryBody;
import io.tuskdb.sql.parser.ast.Select;
import io.tuskdb.sql.parser.ast.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementSplitTest {

    @Test
    void splitsAtTopLevelSemicolonsWithOffsets() {
        List<ParsedSql> all = Parser.parse("SELECT 1; SELECT 2");
        assertThat(all).extracting(ParsedSql::offset).containsExactly(0, 10);
        assertThat(all).extracting(ParsedSql::text).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void emptyStatementsProduceNothing() {
        assertThat(Parser.parse("")).isEmpty();
        assertThat(Parser.parse(" ;; -- only a comment\n /* and another */ ;")).isEmpty();
        assertThat(Parser.parse(";SELECT 1;;")).extracting(ParsedSql::offset).containsExactly(1);
    }

    @Test
    void semicolonsInsideStringsDollarQuotesAndCommentsDoNotSplit() {
        List<ParsedSql> all = Parser.parse("SELECT 'a;b', $$c;d$$, $t$e;f$t$ /* ; */ -- ;\n; SELECT \"x;y\" FROM t");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).text()).isEqualTo("SELECT 'a;b', $$c;d$$, $t$e;f$t$");
        assertThat(all.get(1).text()).isEqualTo("SELECT \"x;y\" FROM t");
    }

    @Test
    void positionsAreOneBasedInTheWholeString() {
        List<ParsedSql> all = Parser.parse("SELECT 1;\n  SELECT abc");
        Select s = (Select) all.get(1).statement();
        QueryBody.SimpleSelect body = (QueryBody.SimpleSelect) s.body();
        Expr.ColumnRef c = (Expr.ColumnRef) body.targets().get(0).expr();
        assertThat(c.position()).isEqualTo(20);
        assertThat(all.get(1).offset()).isEqualTo(12);
    }

    @Test
    void positionsCountCodePointsLikePostgres() {
        // U+1F600 is one character for PostgreSQL but two Java chars
        Select s = (Select) Parser.parse("SELECT '\uD83D\uDE00', x").get(0).statement();
        QueryBody.SimpleSelect body = (QueryBody.SimpleSelect) s.body();
        assertThat(body.targets().get(1).expr().position()).isEqualTo(13);
    }

    @Test
    void transactionPredicates() {
        assertThat(only("COMMIT").isTransactionExit()).isTrue();
        assertThat(only("END").isTransactionExit()).isTrue();
        assertThat(only("ABORT").isTransactionExit()).isTrue();
        assertThat(only("ROLLBACK TO SAVEPOINT a").isTransactionExit()).isTrue();
        assertThat(only("ROLLBACK PREPARED 'x'").isTransactionExit()).isTrue();
        assertThat(only("BEGIN").isTransactionExit()).isFalse();
        assertThat(only("BEGIN").isTransactionControl()).isTrue();
        assertThat(only("START TRANSACTION").isTransactionControl()).isTrue();
        assertThat(only("SAVEPOINT a").isTransactionControl()).isTrue();
        assertThat(only("RELEASE a").isTransactionControl()).isTrue();
        assertThat(only("SELECT 1").isTransactionControl()).isFalse();
        assertThat(only("SET TRANSACTION READ ONLY").isTransactionControl()).isFalse();
    }

    private static Statement only(String sql) {
        return AstShape.single(sql);
    }
}
