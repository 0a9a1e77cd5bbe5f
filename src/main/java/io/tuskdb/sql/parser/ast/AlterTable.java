package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code ALTER TABLE [IF EXISTS] [ONLY] name action, ...} and the single-action RENAME / SET SCHEMA forms. */
public record AlterTable(QualifiedName name, boolean ifExists, boolean only, List<Action> actions)
        implements Statement {

    public AlterTable {
        actions = List.copyOf(actions);
    }

    public sealed interface Action {
    }

    public record AddColumn(ColumnDef column, boolean ifNotExists) implements Action {
    }

    public record DropColumn(String column, boolean ifExists, boolean cascade) implements Action {
    }

    /** {@code ALTER COLUMN c [SET DATA] TYPE t [COLLATE ...] [USING expr]}; {@code using} may be null. */
    public record AlterColumnType(String column, TypeName type, List<String> collation, Expr using) implements Action {
    }

    /** {@code ALTER COLUMN c SET DEFAULT expr} or, with a null expr, {@code DROP DEFAULT}. */
    public record ColumnDefault(String column, Expr expr, String text) implements Action {
    }

    /** {@code ALTER COLUMN c SET NOT NULL} ({@code notNull}) or {@code DROP NOT NULL}. */
    public record ColumnNotNull(String column, boolean notNull) implements Action {
    }

    public record AddConstraint(Constraint constraint) implements Action {
    }

    public record DropConstraint(String constraint, boolean ifExists, boolean cascade) implements Action {
    }

    public record RenameTable(String newName) implements Action {
    }

    public record RenameColumn(String column, String newName) implements Action {
    }

    public record RenameConstraint(String constraint, String newName) implements Action {
    }

    public record SetSchema(String schema) implements Action {
    }

    /** {@code OWNER TO role}. */
    public record OwnerTo(String role) implements Action {
    }
}
