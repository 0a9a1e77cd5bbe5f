package io.tuskdb.session;

import io.tuskdb.txn.IsolationLevel;
import io.tuskdb.txn.KvCursor;
import io.tuskdb.txn.LockMode;
import io.tuskdb.txn.LockTag;
import io.tuskdb.txn.Transaction;

/**
 * A transaction switched to read-only by SET TRANSACTION READ ONLY after it ran queries (PostgreSQL allows that
 * switch at any time, unlike the other way round): the same storage transaction, keeping its earlier writes, that
 * now reports itself read-only so the engine refuses further writes.
 */
final class ReadOnlyTransaction implements Transaction {
    private final Transaction delegate;

    ReadOnlyTransaction(Transaction delegate) {
        this.delegate = delegate;
    }

    @Override
    public long xid() {
        return delegate.xid();
    }

    @Override
    public IsolationLevel isolationLevel() {
        return delegate.isolationLevel();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public void startStatement() {
        delegate.startStatement();
    }

    @Override
    public byte[] get(byte[] key) {
        return delegate.get(key);
    }

    @Override
    public KvCursor scan(byte[] lowerInclusive, byte[] upperExclusive) {
        return delegate.scan(lowerInclusive, upperExclusive);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        delegate.put(key, value);
    }

    @Override
    public void delete(byte[] key) {
        delegate.delete(key);
    }

    @Override
    public boolean hasWrites() {
        return delegate.hasWrites();
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public void rollback() {
        delegate.rollback();
    }

    @Override
    public boolean isActive() {
        return delegate.isActive();
    }

    @Override
    public byte[] getLatest(byte[] key) {
        return delegate.getLatest(key);
    }

    @Override
    public void lock(LockTag tag, LockMode mode) {
        delegate.lock(tag, mode);
    }

    @Override
    public boolean tryLock(LockTag tag, LockMode mode) {
        return delegate.tryLock(tag, mode);
    }

    @Override
    public void setLockTimeout(long millis) {
        delegate.setLockTimeout(millis);
    }

    @Override
    public void setInterruptCheck(Runnable check) {
        delegate.setInterruptCheck(check);
    }

    @Override
    public void setSynchronousCommit(boolean waitForFlush) {
        delegate.setSynchronousCommit(waitForFlush);
    }

    @Override
    public void afterCommit(Runnable action) {
        delegate.afterCommit(action);
    }

    @Override
    public void setSavepoint() {
        delegate.setSavepoint();
    }

    @Override
    public void rollbackToSavepoint() {
        delegate.rollbackToSavepoint();
    }

    @Override
    public void releaseSavepoint() {
        delegate.releaseSavepoint();
    }
}
