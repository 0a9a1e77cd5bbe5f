package io.tuskdb.protocol;

/** Where a connection is in the protocol's flow (protocol-flow.html). */
public enum ConnectionState {
    /** Reading startup packets: SSLRequest, GSSENCRequest, CancelRequest, StartupMessage. */
    STARTUP,
    /** Running the authentication exchange. */
    AUTHENTICATING,
    /** Waiting for or processing a command. */
    READY,
    /** An extended-protocol message failed: everything up to the next Sync is discarded. */
    SKIP_TO_SYNC,
    /** Receiving CopyData after CopyInResponse. */
    COPY_IN,
    /** Closed. */
    TERMINATED
}
