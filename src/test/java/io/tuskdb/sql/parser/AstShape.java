package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.Expr;
import io.tuskdb.sql.parser.ast.Statement;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helper: an AST's structure without source positions and source-text spans, for round-trip equality. */
final class AstShape {
    private static final Set<String> IGNORED = Set.of("position", "text", "queryText", "statementText");

    private AstShape() {
    }

    static Object of(Object node) {
        if (node instanceof Record r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("@", r.getClass().getSimpleName());
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (IGNORED.contains(c.getName())) {
                    continue;
                }
                try {
                    m.put(c.getName(), of(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return m;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                out.add(of(o));
            }
            return out;
        }
        return node;
    }

    static Statement single(String sql) {
        List<ParsedSql> all = Parser.parse(sql);
        if (all.size() != 1) {
            throw new AssertionError("expected one statement in " + sql + " but got " + all.size());
        }
        return all.get(0).statement();
    }

    static Expr expr(String sql) {
        return Parser.parseExpression(sql);
    }
}
