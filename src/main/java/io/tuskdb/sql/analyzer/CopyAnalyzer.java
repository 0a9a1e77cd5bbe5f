package io.tuskdb.sql.analyzer;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.sql.parser.ast.Copy;
import io.tuskdb.sql.parser.ast.Option;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.Select;

import java.util.ArrayList;
import java.util.List;

/** COPY (copy.c ProcessCopyOptions): STDIN / STDOUT only, text and CSV formats. */
final class CopyAnalyzer {
    private CopyAnalyzer() {
    }

    static BoundStatement copy(AnalyzerContext actx, Copy c) {
        if (c.target() == Copy.Target.FILE || c.target() == Copy.Target.PROGRAM) {
            throw Errors.featureNotSupported("COPY to or from a file or program");
        }
        if (c.where() != null) {
            throw Errors.featureNotSupported("COPY ... WHERE");
        }
        BoundStatement.CopyOptions options = options(c.options(), c.from());
        if (c.from()) {
            TableDescriptor table = copyTable(actx, c);
            int[] columns = columns(table, c.columns());
            List<BoundExpr> defaults = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                boolean given = false;
                for (int k : columns) {
                    given |= k == i;
                }
                defaults.add(given ? null : Analyzer.columnDefault(actx, table, i));
            }
            return new BoundStatement.CopyFrom(table, columns, defaults, options);
        }
        if (c.query() != null) {
            if (!(c.query() instanceof Select s)) {
                throw Errors.featureNotSupported("COPY of a data-modifying statement");
            }
            return new BoundStatement.CopyTo(new QueryAnalyzer(actx, null).analyze(s, true), options);
        }
        TableDescriptor table = copyTable(actx, c);
        int[] columns = columns(table, c.columns());
        List<BoundExpr> targets = new ArrayList<>();
        List<ResultColumn> out = new ArrayList<>();
        for (int k : columns) {
            ColumnDescriptor col = table.columns().get(k);
            targets.add(new BoundExpr.Column(k, col.type(), col.typmod(), col.name(), table.oid(), col.attnum()));
            out.add(new ResultColumn(col.name(), table.oid(), col.attnum(), col.type(), col.typmod()));
        }
        BoundQuery q = new BoundQuery.Select(new BoundQuery.TableRef(table, table.name(), 0), null, List.of(), List.of(),
                false, null, targets, out, false, List.of(), null, null);
        return new BoundStatement.CopyTo(q, options);
    }

    private static int[] columns(TableDescriptor table, List<String> names) {
        if (names.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        return Analyzer.columnIndexes(table, names, null);
    }

    private static BoundStatement.CopyOptions options(List<Option> options, boolean from) {
        boolean csv = false;
        String delimiter = null;
        String nullString = null;
        String quote = null;
        String escape = null;
        boolean header = false;
        boolean forceAll = false;
        List<String> forceQuote = List.of();
        for (Option o : options) {
            switch (o.name()) {
                case "format" -> {
                    switch (o.value() == null ? "" : o.value().toLowerCase()) {
                        case "csv" -> csv = true;
                        case "text" -> csv = false;
                        case "binary" -> throw Errors.featureNotSupported("COPY BINARY");
                        default -> throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
                                "COPY format \"" + o.value() + "\" not recognized");
                    }
                }
                case "delimiter" -> delimiter = o.value();
                case "null" -> nullString = o.value();
                case "header" -> header = o.value() == null || switch (o.value().toLowerCase()) {
                    case "true", "on", "1" -> true;
                    case "false", "off", "0" -> false;
                    default -> throw Errors.featureNotSupported("COPY HEADER " + o.value());
                };
                case "quote" -> quote = o.value();
                case "escape" -> escape = o.value();
                case "force_quote" -> {
                    if (o.list() != null && o.list().equals(List.of("*"))) {
                        forceAll = true;
                    } else if (o.list() != null) {
                        forceQuote = o.list();
                    }
                }
                case "encoding" -> {
                    if (!o.value().equalsIgnoreCase("utf8") && !o.value().equalsIgnoreCase("utf-8")) {
                        throw Errors.featureNotSupported("COPY ENCODING other than UTF8");
                    }
                }
                case "freeze" -> {
                }
                default -> throw Errors.featureNotSupported("COPY option \"" + o.name() + "\"");
            }
        }
        if (delimiter != null && delimiter.length() != 1) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY delimiter must be a single one-byte character");
        }
        if (!csv && (quote != null)) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
        }
        if (!csv && escape != null) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
        }
        if ((forceAll || !forceQuote.isEmpty()) && from) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY force quote only available using COPY TO");
        }
        if (quote != null && quote.length() != 1) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote must be a single one-byte character");
        }
        if (escape != null && escape.length() != 1) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape must be a single one-byte character");
        }
        char delim = delimiter != null ? delimiter.charAt(0) : csv ? ',' : '\t';
        char q = quote != null ? quote.charAt(0) : '"';
        char esc = escape != null ? escape.charAt(0) : q;
        return new BoundStatement.CopyOptions(csv, delim, nullString != null ? nullString : csv ? "" : "\\N", q, esc,
                header, forceAll, forceQuote);
    }

    /** COPY's table; PostgreSQL opens it without a parse location, so a missing one is reported without position. */
    private static TableDescriptor copyTable(AnalyzerContext actx, Copy c) {
        return actx.table(new QualifiedName(c.table().parts(), 0));
    }
}
