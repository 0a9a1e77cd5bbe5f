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
}
