/**
 * The PostgreSQL v3 wire protocol: frontend and backend messages as two sealed families of records, their codecs,
 * startup and authentication (SCRAM-SHA-256, md5, password, trust), TLS, and COPY. Understands messages, not SQL.
 */
package io.tuskdb.protocol;
