/**
 * The RocksDB storage engine of a data directory ({@link io.tuskdb.storage.StorageEngine}: one instance, its options
 * and its non-transactional block counters), the order-preserving key encoding ({@link io.tuskdb.storage.KeyEncoding}),
 * the row encoding ({@link io.tuskdb.storage.RowEncoding}), and row-level table access
 * ({@link io.tuskdb.storage.TableAccess}, implemented by {@link io.tuskdb.storage.RocksTableAccess}). Depends on
 * {@code types}, {@code txn} interfaces and {@code error}; never on SQL, the session or the protocol.
 */
package io.tuskdb.storage;
