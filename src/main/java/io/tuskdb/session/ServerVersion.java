package io.tuskdb.session;

/** The PostgreSQL version TuskDB reports, and its own. */
public final class ServerVersion {
    private ServerVersion() {
    }

    /** ParameterStatus server_version and SHOW server_version. */
    public static final String SERVER_VERSION = "15.15";

    /** SHOW server_version_num. */
    public static final int SERVER_VERSION_NUM = 150015;

    public static final String TUSKDB_VERSION = "0.1.0";

    /** version() */
    public static final String VERSION_STRING = "PostgreSQL " + SERVER_VERSION + " (TuskDB " + TUSKDB_VERSION
            + ") on x86_64-pc-linux-gnu, compiled by javac, 64-bit";
}
