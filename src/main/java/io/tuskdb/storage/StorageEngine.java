package io.tuskdb.storage;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one RocksDB instance of a data directory (one WAL, so a commit touching many relations and the catalog is one
 * atomic write), plus the non-transactional counters kept in its system relation (relation OID 0): transaction ids,
 * OIDs and hidden row ids, each persisted ahead in blocks like PostgreSQL's sequences and xid epoch, so a value
 * is never handed out twice, even after a crash.
 */
public final class StorageEngine implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    /** The relation OID whose key range holds the engine's counters. */
    public static final int SYSTEM_RELATION = 0;

    private static final int ROW_ID_BLOCK = 1000;

    private final Path directory;
    private final LRUCache blockCache;
    private final BloomFilter bloomFilter;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions syncWrite;
    private final ConcurrentHashMap<Integer, BlockCounter> rowIds = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private StorageEngine(Path directory, LRUCache blockCache, BloomFilter bloomFilter, Options options, RocksDB db) {
        this.directory = directory;
        this.blockCache = blockCache;
        this.bloomFilter = bloomFilter;
        this.options = options;
        this.db = db;
        this.syncWrite = new WriteOptions().setSync(true);
    }

    /**
     * Opens (creating when missing) the RocksDB instance in {@code directory}. Fails with IllegalStateException
     * when another open instance holds the directory's lock.
     */
    public static StorageEngine open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new PgException(SqlState.IO_ERROR, "could not create directory \"" + directory + "\": " + e.getMessage());
        }
        LRUCache cache = new LRUCache(64L << 20);
        BloomFilter bloom = new BloomFilter(10);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setFilterPolicy(bloom)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true)
                .setBlockSize(16 * 1024);
        // the relation OID (4 bytes) is the prefix: its bloom filters let a scan of one relation skip the files
        // holding none of its keys; point reads keep whole-key filters. Iterators use auto_prefix_mode, which
        // applies the prefix only when the scan's bounds share it, so cross-relation scans stay correct.
        table.setWholeKeyFiltering(true);
        Options options = new Options()
                .setCreateIfMissing(true)
                .useFixedLengthPrefixExtractor(KeyEncoding.relationPrefix(0).length)
                .setMemtablePrefixBloomSizeRatio(0.05)
                .setTableFormatConfig(table)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBytesPerSync(1L << 20)
                .setWalBytesPerSync(1L << 20)
                .setMaxBackgroundJobs(2)
                .setKeepLogFileNum(5);
        try {
            return new StorageEngine(directory, cache, bloom, options, RocksDB.open(options, directory.toString()));
        } catch (RocksDBException e) {
            options.close();
            bloom.close();
            cache.close();
            String message = String.valueOf(e.getMessage());
            if (message.toLowerCase(java.util.Locale.ROOT).contains("lock")) {
                throw new IllegalStateException("data directory \"" + directory
                        + "\" is already in use by another TuskDB instance: " + message, e);
            }
            throw ioError("could not open storage in \"" + directory + "\"", e);
        }
    }

    public RocksDB db() {
        checkOpen();
        return db;
    }

    public Path directory() {
        return directory;
    }

    /** Synchronous (fsync'ed WAL) write options: what a durable commit uses. Owned by the engine. */
    public WriteOptions syncWriteOptions() {
        return syncWrite;
    }

    /** A counter in the system relation, persisted ahead in blocks of {@code block}; first value {@code first}. */
    public BlockCounter counter(String name, long first, int block) {
        ByteWriter key = new ByteWriter().write(KeyEncoding.relationPrefix(SYSTEM_RELATION));
        KeyEncoding.encode(key, io.tuskdb.types.PgType.TEXT, name);
        return new BlockCounter(this, key.toByteArray(), first, block);
    }

    /** The next hidden row id of a table without a primary key: increasing, never reused, not transactional. */
    public long nextRowId(int relationOid) {
        return rowIds.computeIfAbsent(relationOid, oid -> counter("rowid:" + oid, 1, ROW_ID_BLOCK)).next();
    }

    /**
     * Deletes every key of a relation outside any transaction, with one range tombstone: for a dropped relation
     * after its DROP committed (its OID is never reused, so nobody writes there again). Snapshots taken before
     * still see the rows, as RocksDB range deletions respect snapshots.
     */
    public void deleteRelation(int relationOid) {
        byte[] prefix = KeyEncoding.relationPrefix(relationOid);
        try {
            db().deleteRange(syncWrite, prefix, KeyEncoding.prefixEnd(prefix));
        } catch (RocksDBException e) {
            throw ioError("could not delete the storage of relation " + relationOid, e);
        }
    }

    /**
     * CHECKPOINT: writes the memtables to SST files and syncs the WAL, so a restart replays little (PostgreSQL's
     * checkpointer flushing dirty buffers).
     */
    public void checkpoint() {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db().flushWal(true);
            db().flush(flush);
        } catch (RocksDBException e) {
            throw ioError("could not write a checkpoint", e);
        }
    }

    /**
     * VACUUM: compacts the key range of one relation (or everything for OID 0), dropping deleted and overwritten
     * versions no snapshot needs any more.
     */
    public void compact(int relationOid) {
        try {
            if (relationOid == SYSTEM_RELATION) {
                db().compactRange();
            } else {
                byte[] prefix = KeyEncoding.relationPrefix(relationOid);
                db().compactRange(prefix, KeyEncoding.prefixEnd(prefix));
            }
        } catch (RocksDBException e) {
            throw ioError("could not vacuum", e);
        }
    }

    /** The approximate on-disk and in-memory size of a relation's rows, in bytes (planner estimates). */
    public long approximateSize(int relationOid) {
        byte[] prefix = KeyEncoding.relationPrefix(relationOid);
        try (org.rocksdb.Slice start = new org.rocksdb.Slice(prefix);
             org.rocksdb.Slice end = new org.rocksdb.Slice(KeyEncoding.prefixEnd(prefix))) {
            return db().getApproximateSizes(java.util.List.of(new org.rocksdb.Range(start, end)),
                    org.rocksdb.SizeApproximationFlag.INCLUDE_FILES,
                    org.rocksdb.SizeApproximationFlag.INCLUDE_MEMTABLES)[0];
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("storage in \"" + directory + "\" is closed");
        }
    }

    /** Flushes the WAL and memtables and closes RocksDB. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flushWal(true);
            db.flush(flush);
        } catch (RocksDBException e) {
            // closing anyway: the WAL already holds every committed write
        }
        try {
            db.closeE();
        } catch (RocksDBException e) {
            throw ioError("could not close storage in \"" + directory + "\"", e);
        } finally {
            syncWrite.close();
            options.close();
            bloomFilter.close();
            blockCache.close();
        }
    }

    public static PgException ioError(String what, RocksDBException e) {
        return new PgException(SqlState.IO_ERROR, io.tuskdb.error.Severity.ERROR, what + ": " + e.getMessage(), null,
                null, 0, null, null, null, null, e);
    }

}
