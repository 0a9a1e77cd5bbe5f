/**
 * The RocksDB storage engine of a data directory: order-preserving key encoding, row encoding, and row-level table
 * access ({@link io.tuskdb.storage.TableAccess}). Depends on {@code types}, {@code txn} interfaces and {@code error}.
 */
package io.tuskdb.storage;
