package io.tuskdb.sql.executor;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.Execution;
import io.tuskdb.sql.analyzer.BoundStatement.CopyOptions;
import io.tuskdb.storage.TableLayout;
import io.tuskdb.types.Casts;
import io.tuskdb.types.TypeIO;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * COPY ... FROM STDIN in text or CSV format (copyfromparse.c): rows are parsed and inserted as complete lines
 * arrive; missing columns get their defaults; NOT NULL and the primary key are checked as for INSERT.
 */
public final class CopyFromExecution implements Execution, Execution.CopyIn {
    private final ExecState state;
    private final TableDescriptor table;
    private final TableLayout layout;
    private final int[] columns;
    private final Eval[] defaults;
    private final CopyOptions options;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean headerSkipped;
    private boolean ended;
    private long count;
    /** The input line being processed, counted from 1 with the header (CopyFromErrorCallback's line number). */
    private long lineNo;
    private String tag;

    public CopyFromExecution(ExecState state, TableDescriptor table, int[] columns, Eval[] defaults, CopyOptions options) {
        this.state = state;
        this.table = table;
        this.layout = table.layout();
        this.columns = columns;
        this.defaults = defaults;
        this.options = options;
        this.headerSkipped = !options.header();
    }

    @Override
    public void data(byte[] buffer, int offset, int length) {
        pending.write(buffer, offset, length);
        byte[] all = pending.toByteArray();
        int start = 0;
        boolean inQuotes = false;
        for (int i = 0; i < all.length; i++) {
            byte b = all[i];
            if (options.csv() && b == (byte) options.quote()) {
                inQuotes = !inQuotes;
            } else if (b == '\n' && !inQuotes) {
                line(new String(all, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        pending.reset();
        pending.write(all, start, all.length - start);
    }

    private void line(String line) {
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (ended) {
            return;
        }
        if (line.equals("\\.")) {
            ended = true;
            return;
        }
        lineNo++;
        if (!headerSkipped) {
            headerSkipped = true;
            return;
        }
        state.context.checkForInterrupts();
        List<String> fields;
        try {
            fields = options.csv() ? csvFields(line) : textFields(line);
        } catch (PgException e) {
            throw e.withContext(lineContext(line));
        }
        if (fields.size() > columns.length) {
            throw new PgException(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column")
                    .withContext(lineContext(line));
        }
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            if (defaults[i] != null) {
                row[i] = defaults[i].eval(null, state);
            }
        }
        // column by column, as NextCopyFrom: a bad value is reported before a missing later column
        for (int i = 0; i < columns.length; i++) {
            if (i >= fields.size()) {
                throw new PgException(SqlState.BAD_COPY_FILE_FORMAT, "missing data for column \""
                        + table.columns().get(columns[i]).name() + "\"").withContext(lineContext(line));
            }
            String f = fields.get(i);
            if (f != null) {
                ColumnDescriptor c = table.columns().get(columns[i]);
                try {
                    Object v = TypeIO.fromText(c.type(), f, state.format);
                    row[columns[i]] = c.typmod() >= 0 ? Casts.applyTypmod(c.type(), v, c.typmod(), false) : v;
                } catch (PgException e) {
                    throw e.withContext("COPY " + table.name() + ", line " + lineNo + ", column " + c.name() + ": \""
                            + clip(f) + "\"");
                }
            }
        }
        try {
            Constraints.checkNotNull(table, row, state.format);
        } catch (PgException e) {
            throw e.withContext(lineContext(line));
        }
        if (!state.tables.insert(state.transaction, layout, row)) {
            // PostgreSQL inserts index entries after the line is consumed: the context has no line text
            throw Constraints.duplicateKey(table, row, state.format).withContext("COPY " + table.name() + ", line "
                    + lineNo);
        }
        count++;
    }

    /** CONTEXT of an error about the whole input line: {@code COPY t, line n: "raw line"}. */
    private String lineContext(String line) {
        return "COPY " + table.name() + ", line " + lineNo + ": \"" + clip(line) + "\"";
    }

    /** limit_printout_length: at most 100 bytes (whole characters) of a value, then "...". */
    private static String clip(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 100) {
            return s;
        }
        int end = 100;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + "...";
    }

    /** Text format: delimiter-separated, the null string matched before de-escaping, backslash escapes. */
    private List<String> textFields(String line) {
        List<String> out = new ArrayList<>();
        char delim = options.delimiter();
        StringBuilder raw = new StringBuilder();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delim) {
                out.add(raw.toString().equals(options.nullString()) ? null : value.toString());
                raw.setLength(0);
                value.setLength(0);
                continue;
            }
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                raw.append(c);
                value.append(c);
                continue;
            }
            char n = line.charAt(++i);
            raw.append(c).append(n);
            switch (n) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'v' -> value.append((char) 0x0B);
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i + 1 < line.length() && Character.digit(line.charAt(i + 1), 16) >= 0) {
                        v = v * 16 + Character.digit(line.charAt(++i), 16);
                        raw.append(line.charAt(i));
                        digits++;
                    }
                    if (digits == 0) {
                        value.append('x');
                    } else {
                        value.append((char) v);
                    }
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int v = n - '0';
                        int digits = 1;
                        while (digits < 3 && i + 1 < line.length() && line.charAt(i + 1) >= '0' && line.charAt(i + 1) <= '7') {
                            v = v * 8 + (line.charAt(++i) - '0');
                            raw.append(line.charAt(i));
                            digits++;
                        }
                        value.append((char) (v & 0xFF));
                    } else {
                        value.append(n);
                    }
                }
            }
        }
        return out;
    }

    /** CSV: quoted fields may hold delimiters, quotes (doubled or escaped) and newlines; unquoted null string is NULL. */
    private List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        char delim = options.delimiter();
        char q = options.quote();
        char esc = options.escape();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || (!inQuotes && line.charAt(i) == delim)) {
                String v = value.toString();
                out.add(!quoted && v.equals(options.nullString()) ? null : v);
                value.setLength(0);
                quoted = false;
                continue;
            }
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == esc && i + 1 < line.length() && (line.charAt(i + 1) == q || line.charAt(i + 1) == esc)
                        && !(esc == q && line.charAt(i + 1) != q)) {
                    value.append(line.charAt(++i));
                } else if (c == q) {
                    inQuotes = false;
                } else {
                    value.append(c);
                }
            } else if (c == q) {
                inQuotes = true;
                quoted = true;
            } else {
                value.append(c);
            }
        }
        if (inQuotes) {
            throw new PgException(SqlState.BAD_COPY_FILE_FORMAT, "unterminated CSV quoted field");
        }
        return out;
    }

    @Override
    public String finish() {
        if (pending.size() > 0) {
            byte[] rest = pending.toByteArray();
            pending.reset();
            line(new String(rest, StandardCharsets.UTF_8));
        }
        tag = "COPY " + count;
        return tag;
    }

    @Override
    public void fail(String message) {
        throw new PgException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message);
    }

    @Override
    public boolean binary() {
        return false;
    }

    @Override
    public int columnCount() {
        return columns.length;
    }

    @Override
    public Object[] next() {
        return null;
    }

    @Override
    public String commandTag() {
        return tag != null ? tag : "COPY " + count;
    }

    @Override
    public CopyIn copyIn() {
        return this;
    }

    @Override
    public void close() {
    }
}
