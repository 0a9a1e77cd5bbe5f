package io.tuskdb.sql.parser.ast;

import java.util.List;

/**
 * Column and table constraints (gram.y's ColConstraint and TableConstraint). {@code name} is the CONSTRAINT name or
 * null. For column constraints the column lists are empty (the column is implied). Expressions that the engine
 * stores as text carry the source text they were parsed from ({@code text}), exactly as written.
 */
public sealed interface Constraint {

    String name();

    int position();

    record NotNull(String name, int position) implements Constraint {
    }

    /** The explicit {@code NULL} column constraint. */
    record Nullable(String name, int position) implements Constraint {
    }

    record Default(String name, Expr expr, String text, int position) implements Constraint {
    }

    record PrimaryKey(String name, List<String> columns, List<String> include, boolean deferrable,
                      boolean initiallyDeferred, int position) implements Constraint {
        public PrimaryKey {
            columns = List.copyOf(columns);
            include = List.copyOf(include);
        }
    }

    record Unique(String name, List<String> columns, List<String> include, boolean nullsNotDistinct,
                  boolean deferrable, boolean initiallyDeferred, int position) implements Constraint {
        public Unique {
            columns = List.copyOf(columns);
            include = List.copyOf(include);
        }
    }

    record Check(String name, Expr expr, String text, boolean noInherit, int position) implements Constraint {
    }

    enum MatchType { SIMPLE, FULL, PARTIAL }

    enum Action { NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT }

    /** FOREIGN KEY (cols) REFERENCES table [(refColumns)] ...; for a column constraint {@code columns} is empty. */
    record ForeignKey(String name, List<String> columns, QualifiedName refTable, List<String> refColumns,
                      MatchType match, Action onDelete, Action onUpdate, boolean deferrable, boolean initiallyDeferred,
                      int position) implements Constraint {
        public ForeignKey {
            columns = List.copyOf(columns);
            refColumns = List.copyOf(refColumns);
        }
    }

    /** {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(sequence options)]}. */
    record Identity(String name, boolean always, List<SequenceOption> options, int position) implements Constraint {
        public Identity {
            options = List.copyOf(options);
        }
    }

    /** {@code GENERATED ALWAYS AS (expr) STORED}. */
    record Generated(String name, Expr expr, String text, int position) implements Constraint {
    }
}
