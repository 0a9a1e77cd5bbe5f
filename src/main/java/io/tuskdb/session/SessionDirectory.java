package io.tuskdb.session;

/** Finds live sessions by process id (implemented by the server's session registry) for pg_cancel_backend. */
public interface SessionDirectory {
    /** The live session with this pid, or null. */
    Session find(int pid);
}
