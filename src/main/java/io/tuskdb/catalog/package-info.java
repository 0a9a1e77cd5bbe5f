/**
 * The catalog: databases, roles and tables with their columns and primary keys, stored in system relations of the
 * same engine under PostgreSQL's relation OIDs (pg_database, pg_authid, pg_class) and written through transactions,
 * so DDL is transactional; committed table descriptors are cached and invalidated at each DDL commit.
 * {@link io.tuskdb.catalog.StoredCluster} opens (and on first start initialises, as initdb) the
 * {@link io.tuskdb.catalog.Cluster} of one data directory: storage engine, transactions, table access and catalog.
 * Depends on {@code storage}, {@code txn}, {@code types} and {@code error}; must not depend on SQL, session or
 * protocol.
 */
package io.tuskdb.catalog;
