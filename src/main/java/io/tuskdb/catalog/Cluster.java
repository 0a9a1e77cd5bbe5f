package io.tuskdb.catalog;

import io.tuskdb.storage.TableAccess;
import io.tuskdb.txn.TransactionManager;

/**
 * The database cluster of one data directory: its storage engine, transactions, table access and catalog.
 * Opened once by the postmaster's owner; closing it flushes and closes the storage engine.
 */
public interface Cluster extends AutoCloseable {
    TransactionManager transactions();

    TableAccess tables();

    Catalog catalog();

    @Override
    void close();

    // ---- additions by the storage helper

    /** CHECKPOINT: flushes the storage engine's memory to its files, so a restart has little to replay. */
    default void checkpoint() {
    }

    /** VACUUM of one table (relation OID), or of everything when 0: reclaims deleted and overwritten rows. */
    default void vacuum(int relationOid) {
    }

    /** The approximate storage size of a table's rows in bytes (pg_relation_size, planner estimates), or -1. */
    default long relationSize(int relationOid) {
        return -1;
    }

    /** Storage statistics for monitoring: name (Prometheus style) to value. */
    default java.util.Map<String, Long> statistics() {
        return java.util.Map.of();
    }
}
