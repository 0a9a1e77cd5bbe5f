package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * {@code COPY table [(cols)] FROM STDIN|'file'|PROGRAM '...' [WITH (...)] [WHERE ...]} and
 * {@code COPY table|(query) TO STDOUT|'file' [WITH (...)]}. The old option syntax ({@code WITH CSV HEADER},
 * {@code BINARY}, {@code DELIMITER ','}) is normalised to the same {@link Option} list PostgreSQL's copy_opt_list
 * builds: {@code format}, {@code header}, {@code delimiter}, {@code null}, {@code quote}, {@code escape},
 * {@code force_quote}, {@code force_not_null}, {@code force_null}, {@code encoding}, {@code freeze}.
 *
 * @param table     null when copying a query
 * @param query     the {@code (query)} of COPY TO, else null
 * @param from      COPY ... FROM
 * @param target    the stdin/stdout/file/program endpoint
 * @param fileName  file name or program command, null for STDIN / STDOUT
 */
public record Copy(QualifiedName table, List<String> columns, Statement query, boolean from, Target target,
                   String fileName, List<Option> options, Expr where) implements Statement {

    public Copy {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
    }

    public enum Target { STDIN, STDOUT, FILE, PROGRAM }
}
