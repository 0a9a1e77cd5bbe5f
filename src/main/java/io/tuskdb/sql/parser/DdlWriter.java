package io.tuskdb.sql.parser;

import io.tuskdb.sql.parser.ast.AlterTable;
import io.tuskdb.sql.parser.ast.ColumnDef;
import io.tuskdb.sql.parser.ast.Constraint;
import io.tuskdb.sql.parser.ast.CreateIndex;
import io.tuskdb.sql.parser.ast.CreateTable;
import io.tuskdb.sql.parser.ast.Persistence;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.sql.parser.ast.SequenceOption;
import io.tuskdb.sql.parser.ast.SortItem;

import java.util.List;
import java.util.Locale;

/** Writes DDL statements (CREATE TABLE, constraints, CREATE INDEX, ALTER TABLE, sequence options). */
class DdlWriter extends SqlWriter {

    void qnames(List<QualifiedName> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            name(list.get(i));
        }
    }

    void sequenceOptions(List<SequenceOption> options) {
        for (SequenceOption o : options) {
            out.append(' ');
            switch (o.name()) {
                case "as" -> {
                    out.append("AS ");
                    type(o.type());
                }
                case "cycle" -> out.append(o.value().equals("true") ? "CYCLE" : "NO CYCLE");
                case "maxvalue", "minvalue" -> out.append(o.value() == null ? "NO " + o.name().toUpperCase(Locale.ROOT)
                        : o.name().toUpperCase(Locale.ROOT) + " " + o.value());
                case "owned_by" -> {
                    out.append("OWNED BY ");
                    names(o.names());
                }
                case "sequence_name" -> {
                    out.append("SEQUENCE NAME ");
                    names(o.names());
                }
                case "restart" -> out.append(o.value() == null ? "RESTART" : "RESTART WITH " + o.value());
                case "increment" -> out.append("INCREMENT BY ").append(o.value());
                case "start" -> out.append("START WITH ").append(o.value());
                default -> out.append(o.name().toUpperCase(Locale.ROOT)).append(' ').append(o.value());
            }
        }
    }

    void createTable(CreateTable c) {
        out.append("CREATE ").append(persistence(c.persistence())).append("TABLE ");
        if (c.ifNotExists()) {
            out.append("IF NOT EXISTS ");
        }
        name(c.name());
        out.append(" (");
        String sep = "";
        for (ColumnDef col : c.columns()) {
            out.append(sep);
            columnDef(col);
            sep = ", ";
        }
        for (Constraint k : c.constraints()) {
            out.append(sep);
            constraint(k);
            sep = ", ";
        }
        out.append(')');
        if (!c.inherits().isEmpty()) {
            out.append(" INHERITS (");
            qnames(c.inherits());
            out.append(')');
        }
        if (c.onCommit() != null) {
            out.append(" ON COMMIT ").append(c.onCommit().replace('_', ' ').toUpperCase(Locale.ROOT));
        }
    }

    void columnDef(ColumnDef col) {
        ident(col.name()).out.append(' ');
        type(col.type());
        if (col.collation() != null) {
            out.append(" COLLATE ");
            names(col.collation());
        }
        for (Constraint k : col.constraints()) {
            out.append(' ');
            constraint(k);
        }
    }

    void constraint(Constraint k) {
        if (k.name() != null) {
            out.append("CONSTRAINT ");
            ident(k.name()).out.append(' ');
        }
        switch (k) {
            case Constraint.NotNull n -> out.append("NOT NULL");
            case Constraint.Nullable n -> out.append("NULL");
            case Constraint.Default d -> {
                out.append("DEFAULT (");
                expr(d.expr());
                out.append(')');
            }
            case Constraint.PrimaryKey pk -> {
                out.append("PRIMARY KEY");
                columnsAndInclude(pk.columns(), pk.include());
                attributes(pk.deferrable(), pk.initiallyDeferred());
            }
            case Constraint.Unique u -> {
                out.append("UNIQUE");
                if (u.nullsNotDistinct()) {
                    out.append(" NULLS NOT DISTINCT");
                }
                columnsAndInclude(u.columns(), u.include());
                attributes(u.deferrable(), u.initiallyDeferred());
            }
            case Constraint.Check c -> {
                out.append("CHECK (");
                expr(c.expr());
                out.append(')');
                if (c.noInherit()) {
                    out.append(" NO INHERIT");
                }
            }
            case Constraint.ForeignKey fk -> {
                if (!fk.columns().isEmpty()) {
                    out.append("FOREIGN KEY (");
                    identList(fk.columns());
                    out.append(") ");
                }
                out.append("REFERENCES ");
                name(fk.refTable());
                if (!fk.refColumns().isEmpty()) {
                    out.append(" (");
                    identList(fk.refColumns());
                    out.append(')');
                }
                if (fk.match() != Constraint.MatchType.SIMPLE) {
                    out.append(" MATCH ").append(fk.match().name());
                }
                out.append(" ON DELETE ").append(fk.onDelete().name().replace('_', ' '));
                out.append(" ON UPDATE ").append(fk.onUpdate().name().replace('_', ' '));
                attributes(fk.deferrable(), fk.initiallyDeferred());
            }
            case Constraint.Identity id -> {
                out.append(id.always() ? "GENERATED ALWAYS AS IDENTITY" : "GENERATED BY DEFAULT AS IDENTITY");
                if (!id.options().isEmpty()) {
                    out.append(" (");
                    int len = out.length();
                    sequenceOptions(id.options());
                    out.deleteCharAt(len);
                    out.append(')');
                }
            }
            case Constraint.Generated g -> {
                out.append("GENERATED ALWAYS AS (");
                expr(g.expr());
                out.append(") STORED");
            }
        }
    }

    void columnsAndInclude(List<String> columns, List<String> include) {
        if (!columns.isEmpty()) {
            out.append(" (");
            identList(columns);
            out.append(')');
        }
        if (!include.isEmpty()) {
            out.append(" INCLUDE (");
            identList(include);
            out.append(')');
        }
    }

    void attributes(boolean deferrable, boolean initiallyDeferred) {
        if (deferrable) {
            out.append(" DEFERRABLE");
        }
        if (initiallyDeferred) {
            out.append(" INITIALLY DEFERRED");
        }
    }

    void createIndex(CreateIndex c) {
        out.append(c.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        if (c.concurrently()) {
            out.append("CONCURRENTLY ");
        }
        if (c.ifNotExists()) {
            out.append("IF NOT EXISTS ");
        }
        if (c.name() != null) {
            ident(c.name()).out.append(' ');
        }
        out.append("ON ");
        name(c.table());
        if (c.method() != null) {
            out.append(" USING ");
            ident(c.method());
        }
        out.append(" (");
        for (int i = 0; i < c.elements().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            CreateIndex.Element e = c.elements().get(i);
            if (e.column() != null) {
                ident(e.column());
            } else {
                out.append('(');
                expr(e.expr());
                out.append(')');
            }
            if (e.collation() != null) {
                out.append(" COLLATE ");
                names(e.collation());
            }
            if (e.opclass() != null) {
                out.append(' ');
                names(e.opclass());
            }
            if (e.direction() != SortItem.Direction.DEFAULT) {
                out.append(' ').append(e.direction().name());
            }
            if (e.nulls() != SortItem.Nulls.DEFAULT) {
                out.append(" NULLS ").append(e.nulls().name());
            }
        }
        out.append(')');
        if (!c.include().isEmpty()) {
            out.append(" INCLUDE (");
            identList(c.include());
            out.append(')');
        }
        if (c.nullsNotDistinct()) {
            out.append(" NULLS NOT DISTINCT");
        }
        optExpr(" WHERE ", c.where());
    }

    void alterTable(AlterTable a) {
        out.append("ALTER TABLE ");
        if (a.ifExists()) {
            out.append("IF EXISTS ");
        }
        if (a.only()) {
            out.append("ONLY ");
        }
        name(a.name());
        for (int i = 0; i < a.actions().size(); i++) {
            out.append(i == 0 ? " " : ", ");
            switch (a.actions().get(i)) {
                case AlterTable.AddColumn c -> {
                    out.append(c.ifNotExists() ? "ADD COLUMN IF NOT EXISTS " : "ADD COLUMN ");
                    columnDef(c.column());
                }
                case AlterTable.DropColumn d -> {
                    out.append(d.ifExists() ? "DROP COLUMN IF EXISTS " : "DROP COLUMN ");
                    ident(d.column());
                    if (d.cascade()) {
                        out.append(" CASCADE");
                    }
                }
                case AlterTable.AlterColumnType t -> {
                    out.append("ALTER COLUMN ");
                    ident(t.column()).out.append(" TYPE ");
                    type(t.type());
                    if (t.collation() != null) {
                        out.append(" COLLATE ");
                        names(t.collation());
                    }
                    optExpr(" USING ", t.using());
                }
                case AlterTable.ColumnDefault d -> {
                    out.append("ALTER COLUMN ");
                    ident(d.column());
                    if (d.expr() == null) {
                        out.append(" DROP DEFAULT");
                    } else {
                        out.append(" SET DEFAULT ");
                        expr(d.expr());
                    }
                }
                case AlterTable.ColumnNotNull n -> {
                    out.append("ALTER COLUMN ");
                    ident(n.column()).out.append(n.notNull() ? " SET NOT NULL" : " DROP NOT NULL");
                }
                case AlterTable.AddConstraint c -> {
                    out.append("ADD ");
                    constraint(c.constraint());
                }
                case AlterTable.DropConstraint d -> {
                    out.append(d.ifExists() ? "DROP CONSTRAINT IF EXISTS " : "DROP CONSTRAINT ");
                    ident(d.constraint());
                    if (d.cascade()) {
                        out.append(" CASCADE");
                    }
                }
                case AlterTable.RenameTable r -> {
                    out.append("RENAME TO ");
                    ident(r.newName());
                }
                case AlterTable.RenameColumn r -> {
                    out.append("RENAME COLUMN ");
                    ident(r.column()).out.append(" TO ");
                    ident(r.newName());
                }
                case AlterTable.RenameConstraint r -> {
                    out.append("RENAME CONSTRAINT ");
                    ident(r.constraint()).out.append(" TO ");
                    ident(r.newName());
                }
                case AlterTable.SetSchema s -> {
                    out.append("SET SCHEMA ");
                    ident(s.schema());
                }
                case AlterTable.OwnerTo o -> {
                    out.append("OWNER TO ");
                    ident(o.role());
                }
            }
        }
    }

    static String persistence(Persistence p) {
        return switch (p) {
            case PERMANENT -> "";
            case TEMPORARY -> "TEMPORARY ";
            case UNLOGGED -> "UNLOGGED ";
        };
    }
}
