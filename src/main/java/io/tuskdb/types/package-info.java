/**
 * The PostgreSQL type system: {@link io.tuskdb.types.PgType} (OIDs, lengths, categories, the Java value
 * representation), text and binary input/output ({@link io.tuskdb.types.TypeIO}, with per-family helpers for
 * floats, numeric, bytea, date/time and intervals), casts ({@link io.tuskdb.types.Casts}: pg_cast contexts,
 * conversions, typmod coercion, the btree order and a consistent hash of every type, format_type), type modifiers
 * from DDL ({@link io.tuskdb.types.Typmods}), time zone names and POSIX offsets for the
 * TimeZone setting and AT TIME ZONE ({@link io.tuskdb.types.TimeZones}, which also registers PostgreSQL's EST, MST,
 * HST and the dynamic MSK with java.time) and time unit
 * spellings ({@link io.tuskdb.types.DateUnits}). Pure functions; depends only on {@code error}.
 */
package io.tuskdb.types;
