package io.tuskdb.sql.executor;

import io.tuskdb.sql.Execution;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.sql.analyzer.BoundStatement.CopyOptions;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TypeIO;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** COPY ... TO STDOUT in text or CSV format (copyto.c CopyAttributeOutText / CopyAttributeOutCSV). */
public final class CopyToExecution implements Execution, Execution.CopyOut {
    private final RowSource source;
    private final ExecState state;
    private final CopyOptions options;
    private final List<ResultColumn> columns;
    private final PgType[] types;
    private final boolean[] forceQuote;
    private boolean headerDone;
    private long count;
    private boolean closed;

    public CopyToExecution(OpFactory plan, ExecState state, CopyOptions options, List<ResultColumn> columns) {
        this.source = plan.open(state);
        this.state = state;
        this.options = options;
        this.columns = columns;
        this.types = columns.stream().map(ResultColumn::type).toArray(PgType[]::new);
        this.forceQuote = new boolean[columns.size()];
        for (int i = 0; i < forceQuote.length; i++) {
            forceQuote[i] = options.forceQuoteAll() || options.forceQuote().contains(columns.get(i).name());
        }
        this.headerDone = !options.header();
    }

    @Override
    public byte[] nextChunk() {
        StringBuilder sb = new StringBuilder();
        if (!headerDone) {
            headerDone = true;
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    sb.append(options.delimiter());
                }
                if (options.csv()) {
                    csv(sb, columns.get(i).name(), false);
                } else {
                    text(sb, columns.get(i).name()); // PostgreSQL 15's text-format header
                }
            }
            return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }
        Object[] row = source.next();
        if (row == null) {
            close();
            return null;
        }
        state.context.checkForInterrupts();
        count++;
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append(options.delimiter());
            }
            if (row[i] == null) {
                sb.append(options.nullString());
            } else {
                String text = TypeIO.toText(types[i], row[i], state.format);
                if (options.csv()) {
                    csv(sb, text, forceQuote[i]);
                } else {
                    text(sb, text);
                }
            }
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void text(StringBuilder sb, String s) {
        char delim = options.delimiter();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append(delim == '\t' ? "\\t" : "\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (c == delim) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
    }

    private void csv(StringBuilder sb, String s, boolean force) {
        char q = options.quote();
        char esc = options.escape();
        boolean quote = force || s.equals(options.nullString()) || s.equals("\\.");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == options.delimiter() || c == q || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == esc) {
                sb.append(esc);
            }
            sb.append(c);
        }
        sb.append(q);
    }

    @Override
    public String commandTag() {
        return "COPY " + count;
    }

    @Override
    public Object[] next() {
        return null;
    }

    @Override
    public CopyOut copyOut() {
        return this;
    }

    @Override
    public boolean binary() {
        return false;
    }

    @Override
    public int columnCount() {
        return columns.size();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.close();
        }
    }
}
