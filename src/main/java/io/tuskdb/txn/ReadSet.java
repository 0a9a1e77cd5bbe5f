package io.tuskdb.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a SERIALIZABLE transaction read: the keys it looked up and the key ranges its cursors covered (up to where
 * they stopped). Commit validation checks them against the keys written by transactions that committed after
 * its snapshot.
 */
final class ReadSet {
    /** A key compared by content. */
    record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /** The part of [lower, upper) a cursor has read: up to its last key, or all of it once exhausted. */
    static final class Range {
        final byte[] lower;
        final byte[] upper;
        byte[] last;
        boolean exhausted;

        Range(byte[] lower, byte[] upper) {
            this.lower = lower;
            this.upper = upper;
        }

        boolean covers(byte[] key) {
            if (lower != null && Arrays.compareUnsigned(key, lower) < 0) {
                return false;
            }
            if (exhausted) {
                return upper == null || Arrays.compareUnsigned(key, upper) < 0;
            }
            return last != null && Arrays.compareUnsigned(key, last) <= 0;
        }
    }

    private final Set<Key> points = new HashSet<>();
    private final List<Range> ranges = new ArrayList<>();

    void point(byte[] key) {
        points.add(new Key(key));
    }

    Range range(byte[] lower, byte[] upper) {
        Range r = new Range(lower, upper);
        ranges.add(r);
        return r;
    }

    boolean isEmpty() {
        return points.isEmpty() && ranges.isEmpty();
    }

    boolean reads(byte[] key) {
        if (points.contains(new Key(key))) {
            return true;
        }
        for (Range r : ranges) {
            if (r.covers(key)) {
                return true;
            }
        }
        return false;
    }
}
