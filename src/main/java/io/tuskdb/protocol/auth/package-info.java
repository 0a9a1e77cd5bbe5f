/**
 * Client authentication: the pg_hba methods ({@link io.tuskdb.protocol.auth.AuthMethod}), the exchange runner
 * ({@link io.tuskdb.protocol.auth.Authenticator}) and the server side of SCRAM-SHA-256
 * ({@link io.tuskdb.protocol.auth.ScramExchange}). Reads roles' verifiers from the catalog records it is given;
 * knows nothing of sessions or SQL.
 */
package io.tuskdb.protocol.auth;
