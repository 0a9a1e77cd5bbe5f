package io.tuskdb.catalog;

import java.nio.file.Path;

/** Opens the cluster stored in a data directory, initialising it on first start as initdb does. */
public final class StoredCluster {
    private StoredCluster() {
    }

    /**
     * Opens (creating and initialising on first start: databases postgres and template1, the superuser role)
     * the cluster in {@code dataDirectory}.
     *
     * @param superuserPassword the superuser's password on first start, or null for none
     */
    public static Cluster open(Path dataDirectory, String superuserName, String superuserPassword) {
        throw new UnsupportedOperationException("StoredCluster.open");
    }
}
