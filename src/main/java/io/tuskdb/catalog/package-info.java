/**
 * The catalog: databases, roles, schemas, tables and columns, stored in system relations of the same engine and read
 * through transactions so DDL is transactional. {@link io.tuskdb.catalog.Cluster} ties storage, transactions and
 * catalog of one data directory together. Must not depend on SQL, session or protocol.
 */
package io.tuskdb.catalog;
