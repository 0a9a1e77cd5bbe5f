/**
 * The PostgreSQL type system: {@link io.tuskdb.types.PgType} (OIDs, lengths, categories, the Java value
 * representation), text and binary input/output ({@link io.tuskdb.types.TypeIO}) and casts
 * ({@link io.tuskdb.types.Casts}). Pure functions; depends only on {@code error}.
 */
package io.tuskdb.types;
