/**
 * The PostgreSQL type system: {@link io.tuskdb.types.PgType} (OIDs, lengths, categories, the Java value
 * representation), text and binary input/output ({@link io.tuskdb.types.TypeIO}, with per-family helpers for
 * floats, numeric, bytea, date/time and intervals) and casts ({@link io.tuskdb.types.Casts}: pg_cast contexts,
 * conversions, typmod coercion, the btree order of every type and format_type). Pure functions; depends only on
 * {@code error}.
 */
package io.tuskdb.types;
