package io.tuskdb.storage;

import org.rocksdb.RocksDBException;

/**
 * A non-transactional counter persisted ahead in blocks (as PostgreSQL's sequences log ahead SEQ_LOG_VALS values):
 * the persisted ceiling is raised, durably, before any value below it is handed out, and a restart continues from
 * the ceiling. Values therefore strictly increase and never repeat; gaps after a restart are expected.
 */
public final class BlockCounter {
    private final StorageEngine engine;
    private final byte[] key;
    private final int block;
    private long next;
    private long ceiling;

    BlockCounter(StorageEngine engine, byte[] key, long first, int block) {
        this.engine = engine;
        this.key = key;
        this.block = block;
        try {
            byte[] stored = engine.db().get(key);
            next = stored == null ? first : new ByteReader(stored).readLong();
        } catch (RocksDBException e) {
            throw StorageEngine.ioError("could not read counter", e);
        }
        ceiling = next;
    }

    public synchronized long next() {
        if (next >= ceiling) {
            long newCeiling = next + block;
            try {
                engine.db().put(engine.syncWriteOptions(), key, new ByteWriter(8).writeLong(newCeiling).toByteArray());
            } catch (RocksDBException e) {
                throw StorageEngine.ioError("could not write counter", e);
            }
            ceiling = newCeiling;
        }
        return next++;
    }
}
