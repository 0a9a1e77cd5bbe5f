/**
 * The postmaster and the session workers (PostgreSQL's postmaster.c and tcop/postgres.c).
 * {@link io.tuskdb.server.Postmaster} binds the listen sockets, runs one
 * {@link io.tuskdb.server.BackendConnection} per client on a virtual thread (startup packets, TLS, pg_hba matching
 * through {@link io.tuskdb.server.HbaRule}, authentication, session set-up), keeps the
 * {@link io.tuskdb.server.SessionRegistry} (pg_stat_activity, cancel keys, terminate), and stops in the three
 * {@link io.tuskdb.server.ShutdownMode}s. {@link io.tuskdb.server.CommandLoop} answers the simple and extended
 * query protocols and COPY by driving the session and the SQL engine. A failure in one connection ends that
 * connection only. No Spring here; the Spring edge in {@code io.tuskdb.config} builds a
 * {@link io.tuskdb.server.ServerConfig} and starts and stops the postmaster.
 */
package io.tuskdb.server;
