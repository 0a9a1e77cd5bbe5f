package io.tuskdb.catalog;

/** A database (pg_database row). */
public record DatabaseDescriptor(int oid, String name, boolean isTemplate, boolean allowConnections) {
}
