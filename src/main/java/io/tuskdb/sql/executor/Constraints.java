package io.tuskdb.sql.executor;

import io.tuskdb.catalog.ColumnDescriptor;
import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.TypeIO;

/** NOT NULL and primary-key checks with PostgreSQL's errors (execMain.c ExecConstraints, nbtinsert.c). */
public final class Constraints {
    private Constraints() {
    }

    /** 23502 for the first NOT NULL column holding NULL. */
    public static void checkNotNull(TableDescriptor table, Object[] row, FormatSettings format) {
        for (int i = 0; i < row.length; i++) {
            ColumnDescriptor c = table.columns().get(i);
            if (row[i] == null && c.notNull()) {
                throw new PgException(SqlState.NOT_NULL_VIOLATION, "null value in column \"" + c.name()
                        + "\" of relation \"" + table.name() + "\" violates not-null constraint")
                        .withDetail("Failing row contains " + rowText(table, row, format) + ".")
                        .withTable(table.schema(), table.name()).withColumn(c.name());
            }
        }
    }

    /** 23505 duplicate key value violates unique constraint "t_pkey", detail Key (id)=(1) already exists. */
    public static PgException duplicateKey(TableDescriptor table, Object[] row, FormatSettings format) {
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        int[] pk = table.primaryKey();
        for (int i = 0; i < pk.length; i++) {
            ColumnDescriptor c = table.columns().get(pk[i]);
            cols.append(i > 0 ? ", " : "").append(quoteIdentifier(c.name()));
            vals.append(i > 0 ? ", " : "").append(row[pk[i]] == null ? "null" : TypeIO.toText(c.type(), row[pk[i]], format));
        }
        String constraint = table.primaryKeyName() == null ? table.name() + "_pkey" : table.primaryKeyName();
        return new PgException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + constraint + "\"")
                .withDetail("Key (" + cols + ")=(" + vals + ") already exists.")
                .withTable(table.schema(), table.name()).withConstraint(constraint);
    }

    /** quote_identifier, without the keyword check: quoted unless lower-case letters, digits and underscores. */
    static String quoteIdentifier(String name) {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** ExecBuildSlotValueDescription: values longer than 64 bytes are cut (at a character boundary) and "...". */
    private static String clip(String value) {
        if (value.length() * 4 <= 64 || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64) {
            return value;
        }
        int bytes = 0;
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > 64) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return value.substring(0, i) + "...";
    }

    /** "(1, null, abc)" as in "Failing row contains ...". */
    static String rowText(TableDescriptor table, Object[] row, FormatSettings format) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < row.length; i++) {
            sb.append(i > 0 ? ", " : "");
            sb.append(row[i] == null ? "null" : clip(TypeIO.toText(table.columns().get(i).type(), row[i], format)));
        }
        return sb.append(')').toString();
    }
}
