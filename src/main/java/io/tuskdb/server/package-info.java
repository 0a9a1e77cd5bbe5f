/**
 * The postmaster: binds the listen socket, runs one session worker (virtual thread) per connection, keeps the
 * session registry and cancel keys, and stops in PostgreSQL's smart, fast and immediate modes. No Spring here;
 * the Spring edge in {@code io.tuskdb.config} starts and stops it.
 */
package io.tuskdb.server;
