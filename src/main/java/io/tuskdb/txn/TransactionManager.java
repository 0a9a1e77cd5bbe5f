package io.tuskdb.txn;

/** Starts transactions on the cluster's storage. */
public interface TransactionManager {
    Transaction begin(IsolationLevel isolationLevel, boolean readOnly);
}
