package io.tuskdb.catalog;

import io.tuskdb.types.PgType;

/**
 * A column (pg_attribute row).
 *
 * @param attnum            1-based attribute number
 * @param typmod            PostgreSQL's type modifier, -1 for none
 * @param defaultExpression the DEFAULT expression as SQL text (pg_attrdef, what pg_get_expr prints), or null
 */
public record ColumnDescriptor(String name, int attnum, PgType type, int typmod, boolean notNull,
                               String defaultExpression) {
}
