package io.tuskdb.session;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A session's pending interrupt, PostgreSQL's InterruptPending/QueryCancelPending/ProcDiePending with
 * CHECK_FOR_INTERRUPTS. Other threads raise it (cancel request, statement_timeout timer, pg_terminate_backend,
 * fast shutdown); the session thread checks it at row and wait boundaries. Timeouts run on one shared scheduler
 * thread, never a thread per statement.
 */
public final class Interrupts {
    /** Why the session is being interrupted, in increasing priority. */
    public enum Reason { NONE, CANCEL, STATEMENT_TIMEOUT, IDLE_SESSION_TIMEOUT, IDLE_IN_TRANSACTION_TIMEOUT, TERMINATE }

    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "tuskdb-timeouts");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private volatile Reason pending = Reason.NONE;
    private volatile boolean statementRunning;
    private volatile Thread sessionThread;
    private volatile Runnable idleWakeup = () -> {
    };
    private long statementSequence;
    private ScheduledFuture<?> statementTimer;
    private ScheduledFuture<?> idleTimer;

    /** The thread that runs this session (woken from sleeps and waits). */
    public void bindThread(Thread thread) {
        this.sessionThread = thread;
    }

    /** What wakes the session while it waits for the client (closing the socket's input side). */
    public void onIdleWakeup(Runnable wakeup) {
        this.idleWakeup = wakeup;
    }

    public Reason pending() {
        return pending;
    }

    public boolean terminatePending() {
        Reason r = pending;
        return r == Reason.TERMINATE || r == Reason.IDLE_IN_TRANSACTION_TIMEOUT || r == Reason.IDLE_SESSION_TIMEOUT;
    }

    /** Cancel request: interrupts the running statement; ignored when none runs (as PostgreSQL). */
    public synchronized void cancel() {
        if (statementRunning && pending == Reason.NONE) {
            pending = Reason.CANCEL;
            wake();
        }
    }

    /** pg_terminate_backend, fast shutdown: the session ends with FATAL 57P01 at its next check. */
    public void terminate() {
        raiseFatal(Reason.TERMINATE);
    }

    private synchronized void raiseFatal(Reason reason) {
        if (pending != Reason.TERMINATE) {
            pending = reason;
        }
        wake();
        // Also wakes a session blocked reading from its client (idle, or inside COPY FROM STDIN); a running
        // statement finds the flag at its next check, and the closed input then ends the session.
        idleWakeup.run();
    }

    /** CHECK_FOR_INTERRUPTS. */
    public void check() {
        Reason r = pending;
        if (r != Reason.NONE) {
            throwPending(r);
        }
    }

    private synchronized void throwPending(Reason r) {
        switch (r) {
            case NONE -> {
            }
            case CANCEL -> {
                pending = Reason.NONE;
                throw Errors.queryCanceled();
            }
            case STATEMENT_TIMEOUT -> {
                pending = Reason.NONE;
                throw Errors.statementTimeout();
            }
            case IDLE_IN_TRANSACTION_TIMEOUT -> throw idleInTransactionTimeout();
            case IDLE_SESSION_TIMEOUT -> throw idleSessionTimeout();
            case TERMINATE -> throw Errors.terminatedByAdministrator();
        }
    }

    /** The FATAL error a pending terminate or idle timeout ends the session with, or null. */
    public PgException fatalError() {
        return switch (pending) {
            case TERMINATE -> Errors.terminatedByAdministrator();
            case IDLE_IN_TRANSACTION_TIMEOUT -> idleInTransactionTimeout();
            case IDLE_SESSION_TIMEOUT -> idleSessionTimeout();
            case NONE, CANCEL, STATEMENT_TIMEOUT -> null;
        };
    }

    private static PgException idleInTransactionTimeout() {
        return new PgException(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, Severity.FATAL,
                "terminating connection due to idle-in-transaction timeout", null, null, 0, null, null, null, null,
                null);
    }

    private static PgException idleSessionTimeout() {
        return new PgException(SqlState.IDLE_SESSION_TIMEOUT, Severity.FATAL,
                "terminating connection due to idle-session timeout", null, null, 0, null, null, null, null, null);
    }

    /** A statement starts: cancels may now interrupt it; arms statement_timeout when positive. */
    public synchronized void statementStarted(long timeoutMillis) {
        cancelIdleTimer();
        statementRunning = true;
        long sequence = ++statementSequence;
        if (timeoutMillis > 0) {
            statementTimer = TIMER.schedule(() -> statementTimedOut(sequence), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** The statement ended: a cancel or timeout that did not reach it is forgotten. */
    public synchronized void statementFinished() {
        statementRunning = false;
        if (statementTimer != null) {
            statementTimer.cancel(false);
            statementTimer = null;
        }
        if (pending == Reason.CANCEL || pending == Reason.STATEMENT_TIMEOUT) {
            pending = Reason.NONE;
        }
    }

    /**
     * The session waits for the client: arms idle_in_transaction_session_timeout inside a transaction block,
     * idle_session_timeout outside one (0 disables either).
     */
    public synchronized void idle(boolean inTransactionBlock, long timeoutMillis) {
        cancelIdleTimer();
        if (timeoutMillis > 0) {
            Reason reason = inTransactionBlock ? Reason.IDLE_IN_TRANSACTION_TIMEOUT : Reason.IDLE_SESSION_TIMEOUT;
            idleTimer = TIMER.schedule(() -> raiseFatal(reason), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** A message arrived: the idle timer stops. */
    public synchronized void cancelIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }

    private synchronized void statementTimedOut(long sequence) {
        if (statementRunning && sequence == statementSequence && pending == Reason.NONE) {
            pending = Reason.STATEMENT_TIMEOUT;
            wake();
        }
    }

    /** pg_sleep: parks the session thread, waking early on any interrupt. */
    public void sleep(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            check();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(this, Math.min(left, 1_000_000_000L));
        }
    }

    private void wake() {
        Thread t = sessionThread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
