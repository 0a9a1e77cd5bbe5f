package io.tuskdb.server;

import io.tuskdb.session.Session;
import io.tuskdb.session.SessionDirectory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The single list of live sessions (PostgreSQL's ProcArray as far as clients see it): process ids and cancel keys
 * for CancelRequest, and the rows of pg_stat_activity.
 */
public final class SessionRegistry implements SessionDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registered session with what the postmaster needs to reach it. */
    record Entry(int pid, int secretKey, Session session, BackendConnection connection) {
    }

    private final ConcurrentHashMap<Integer, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger nextPid = new AtomicInteger(1000 + RANDOM.nextInt(9000));

    /** A fresh process id, unique for the postmaster's lifetime (positive, as PostgreSQL's). */
    int allocatePid() {
        int pid;
        do {
            pid = nextPid.getAndIncrement();
            if (pid <= 0) {
                nextPid.set(1000);
                pid = nextPid.getAndIncrement();
            }
        } while (entries.containsKey(pid));
        return pid;
    }

    static int newSecretKey() {
        return RANDOM.nextInt();
    }

    void register(Entry entry) {
        entries.put(entry.pid(), entry);
    }

    void unregister(int pid) {
        entries.remove(pid);
    }

    List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** CancelRequest: cancels the session's running statement when pid and key match. */
    boolean cancelRequest(int pid, int secretKey) {
        Entry e = entries.get(pid);
        if (e == null || e.secretKey() != secretKey) {
            return false;
        }
        e.session().interrupts().cancel();
        return true;
    }

    @Override
    public Session find(int pid) {
        Entry e = entries.get(pid);
        return e == null ? null : e.session();
    }

    public int size() {
        return entries.size();
    }

    /** The live sessions, by pid: pg_stat_activity. */
    public List<SessionInfo> sessions() {
        List<SessionInfo> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            Session s = e.session();
            out.add(new SessionInfo(e.pid(), s.sessionUser(), s.databaseName(), s.databaseOid(), s.applicationName(),
                    e.connection().clientAddress(), e.connection().clientPort(), s.backendStart(),
                    s.transactionStartOrNull(), s.queryStart(), s.activityState(), s.currentQuery()));
        }
        out.sort(Comparator.comparingInt(SessionInfo::pid));
        return out;
    }

    /** pg_cancel_backend without permission checks (administration). */
    public boolean cancel(int pid) {
        Entry e = entries.get(pid);
        if (e == null) {
            return false;
        }
        e.session().interrupts().cancel();
        return true;
    }

    /** pg_terminate_backend without permission checks (administration). */
    public boolean terminate(int pid) {
        Entry e = entries.get(pid);
        if (e == null) {
            return false;
        }
        e.session().interrupts().terminate();
        return true;
    }
}
