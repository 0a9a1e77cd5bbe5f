package io.tuskdb.catalog;

import io.tuskdb.txn.Transaction;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Table descriptors as last committed, cached in memory and invalidated by a catalog version that every commit
 * of catalog changes bumps once it is durable (PostgreSQL's relcache with its invalidation messages, reduced to
 * "drop everything on any DDL": DDL is rare, lookups are per statement).
 *
 * <p>Like PostgreSQL's catalog snapshots, lookups see the latest committed catalog, not the transaction's data
 * snapshot; a transaction that changed the catalog itself bypasses the cache and reads through its own writes.
 * An entry stores the version read before it was loaded, so a load racing with a commit is stale at once.
 */
final class CatalogCache {
    private static final int MAX_ENTRIES = 10_000;
    private static final int PRUNE_WRITERS_AT = 256;

    record TableName(int databaseOid, String schema, String name) {
    }

    private record Entry(long version, Optional<TableDescriptor> table) {
    }

    private final AtomicLong version = new AtomicLong();
    private final ConcurrentHashMap<TableName, Entry> tables = new ConcurrentHashMap<>();
    /** Transactions with uncommitted catalog changes, by xid. */
    private final ConcurrentHashMap<Long, Transaction> writers = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** True when {@code tx} must read the catalog through itself (it has uncommitted catalog changes). */
    boolean bypass(Transaction tx) {
        return !writers.isEmpty() && writers.containsKey(tx.xid());
    }

    /** Records that {@code tx} changes the catalog: it bypasses the cache, and its commit invalidates it. */
    void changedBy(Transaction tx) {
        long xid = tx.xid();
        if (writers.putIfAbsent(xid, tx) == null) {
            tx.afterCommit(() -> {
                version.incrementAndGet();
                writers.remove(xid);
            });
            if (writers.size() > PRUNE_WRITERS_AT) { // rolled-back writers never run their commit action
                writers.values().removeIf(t -> !t.isActive());
            }
        }
    }

    Optional<TableDescriptor> table(TableName name, Supplier<Optional<TableDescriptor>> loadCommitted) {
        long v = version.get();
        Entry e = tables.get(name);
        if (e != null && e.version() == v) {
            hits.incrementAndGet();
            return e.table();
        }
        misses.incrementAndGet();
        Optional<TableDescriptor> loaded = loadCommitted.get();
        if (tables.size() >= MAX_ENTRIES) {
            tables.clear();
        }
        tables.put(name, new Entry(v, loaded));
        return loaded;
    }

    long version() {
        return version.get();
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}
