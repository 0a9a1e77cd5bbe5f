package io.tuskdb.catalog;

/**
 * A role (pg_authid row).
 *
 * @param passwordVerifier a SCRAM-SHA-256 verifier in PostgreSQL's format
 *                         ({@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}), or null
 */
public record RoleDescriptor(int oid, String name, boolean superuser, boolean canLogin, String passwordVerifier) {
}
