/**
 * The PostgreSQL v3 wire protocol, as messages: {@link io.tuskdb.protocol.FrontendMessage} and
 * {@link io.tuskdb.protocol.BackendMessage} are two sealed families of records;
 * {@link io.tuskdb.protocol.FrontendDecoder} reads startup packets and typed messages with PostgreSQL's length
 * limits and 08P01 errors; {@link io.tuskdb.protocol.BackendWriter} encodes replies into its own buffer and writes
 * them only at flush points; {@link io.tuskdb.protocol.ConnectionState} names where a connection is in the flow.
 * Authentication (trust, password, md5 as SCRAM, SCRAM-SHA-256) lives in {@code protocol.auth}.
 * Understands messages, not SQL: depends on {@code error}, and on {@code catalog}'s role records for
 * authentication only; never on the session, the server or the SQL engine.
 */
package io.tuskdb.protocol;
