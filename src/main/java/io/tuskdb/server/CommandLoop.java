package io.tuskdb.server;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.protocol.BackendMessage;
import io.tuskdb.protocol.BackendWriter;
import io.tuskdb.protocol.ConnectionState;
import io.tuskdb.protocol.FrontendDecoder;
import io.tuskdb.protocol.FrontendMessage;
import io.tuskdb.session.Portal;
import io.tuskdb.session.PreparedStatement;
import io.tuskdb.session.Session;
import io.tuskdb.sql.Execution;
import io.tuskdb.sql.ParsedStatement;
import io.tuskdb.sql.PreparedPlan;
import io.tuskdb.sql.ResultColumn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A session's command loop, PostgreSQL's PostgresMain (src/backend/tcop/postgres.c): reads one message at a time
 * and answers it. Simple queries run each statement of the string in turn inside one implicit transaction; the
 * extended protocol keeps its implicit transaction until Sync and, after an error, discards messages until Sync.
 * Replies stay in the writer's buffer until ReadyForQuery, CopyInResponse or Flush.
 */
final class CommandLoop {
    private static final System.Logger LOG = System.getLogger(CommandLoop.class.getName());
    private final Session session;
    private final FrontendDecoder decoder;
    private final BackendWriter writer;
    private final BackendConnection connection;
    private final ResultSender results;
    private ConnectionState state = ConnectionState.READY;

    CommandLoop(Session session, FrontendDecoder decoder, BackendWriter writer, BackendConnection connection) {
        this.session = session;
        this.decoder = decoder;
        this.writer = writer;
        this.connection = connection;
        this.results = new ResultSender(session, writer);
        session.setNoticeSink(notice -> {
            try {
                writer.write(new BackendMessage.NoticeResponse(notice));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Runs until Terminate, end of stream or a FATAL error. */
    void run() throws IOException {
        readyForQuery();
        while (true) {
            FrontendMessage message;
            try {
                message = decoder.readMessage(false);
            } catch (PgException e) {
                if (malformedMessage(e)) {
                    return;
                }
                continue;
            } catch (IOException e) {
                endOfInput();
                return;
            }
            session.interrupts().cancelIdleTimer();
            if (message == null) {
                endOfInput();
                return;
            }
            if (message instanceof FrontendMessage.Terminate) {
                return;
            }
            if (state == ConnectionState.SKIP_TO_SYNC && !(message instanceof FrontendMessage.Sync)) {
                continue;
            }
            boolean fatal;
            try {
                fatal = dispatch(message);
            } catch (UncheckedIOException | IOException e) {
                // the client went away, or a terminate closed our input while we waited inside COPY IN
                endOfInput();
                return;
            }
            if (fatal) {
                return;
            }
            PgException terminated = session.interrupts().fatalError();
            if (terminated != null) {
                sendFatal(terminated);
                return;
            }
        }
    }

    /**
     * A message whose framing was fine but whose contents were not: an ERROR like any other for that message
     * (ReadyForQuery after a simple query, skip to Sync after an extended-protocol message). Framing errors are
     * FATAL. Returns true when the session must end.
     */
    private boolean malformedMessage(PgException e) throws IOException {
        if (e.severity() == Severity.FATAL) {
            sendFatal(e);
            return true;
        }
        if (state == ConnectionState.SKIP_TO_SYNC && decoder.lastMessageType() != 'S') {
            return false;
        }
        switch (decoder.lastMessageType()) {
            case 'Q', 'F' -> {
                session.abortStatement();
                return queryError(e);
            }
            default -> {
                return extendedError(e);
            }
        }
    }

    /** EOF: a terminate or idle timeout that woke us tells the client why; a vanished client ends quietly. */
    private void endOfInput() {
        PgException terminated = session.interrupts().fatalError();
        if (terminated != null) {
            sendFatal(terminated);
        }
    }

    /** Handles one message; true when the session must end (a FATAL error was sent). */
    private boolean dispatch(FrontendMessage message) throws IOException {
        try {
            switch (message) {
                case FrontendMessage.Query q -> {
                    return simpleQuery(q.sql());
                }
                case FrontendMessage.Parse p -> parse(p);
                case FrontendMessage.Bind b -> bind(b);
                case FrontendMessage.Describe d -> describe(d);
                case FrontendMessage.Execute e -> execute(e);
                case FrontendMessage.Close c -> close(c);
                case FrontendMessage.Sync s -> sync();
                case FrontendMessage.Flush f -> writer.flush();
                // After a failed COPY FROM STDIN the client may still be sending data: ignored, per protocol.
                case FrontendMessage.CopyData d -> {
                }
                case FrontendMessage.CopyDone d -> {
                }
                case FrontendMessage.CopyFail f -> {
                }
                case FrontendMessage.FunctionCall f -> {
                    writer.write(new BackendMessage.ErrorResponse(
                            Errors.featureNotSupported("the fast-path function call interface")));
                    readyForQuery();
                }
                case FrontendMessage.PasswordMessage p -> {
                    sendFatal(new PgException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL,
                            "invalid frontend message type " + (int) 'p', null, null, 0, null, null, null, null,
                            null));
                    return true;
                }
                case FrontendMessage.Terminate t -> {
                    return true;
                }
                case FrontendMessage.SslRequest r -> throw new IllegalStateException("startup packet in command loop");
                case FrontendMessage.GssEncRequest r -> throw new IllegalStateException("startup packet in command loop");
                case FrontendMessage.CancelRequest r -> throw new IllegalStateException("startup packet in command loop");
                case FrontendMessage.StartupMessage r -> throw new IllegalStateException("startup packet in command loop");
            }
            return false;
        } catch (PgException e) {
            return extendedError(e);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
            return extendedError(internal(e));
        }
    }

    /** An extended-protocol message failed: report, abort the statement, skip to Sync. */
    private boolean extendedError(PgException e) throws IOException {
        session.abortStatement();
        if (e.severity() == Severity.FATAL || e.severity() == Severity.PANIC) {
            sendFatal(e);
            return true;
        }
        writer.write(new BackendMessage.ErrorResponse(e));
        state = ConnectionState.SKIP_TO_SYNC;
        return synchronizationLost();
    }

    /** After COPY IN met a message it cannot take, PostgreSQL ends the session with this FATAL. */
    private boolean synchronizationLost() {
        if (!results.synchronizationLost()) {
            return false;
        }
        sendFatal(new PgException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL,
                "terminating connection because protocol synchronization was lost", null, null, 0, null, null, null,
                null, null));
        return true;
    }

    // ------------------------------------------------------------------------------------------ simple query

    /** Returns true when the session must end (a FATAL error was sent). */
    private boolean simpleQuery(String sql) throws IOException {
        List<ParsedStatement> statements;
        try {
            statements = session.parse(sql);
        } catch (PgException e) {
            session.abortStatement();
            return queryError(e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
            session.abortStatement();
            return queryError(internal(e));
        }
        if (statements.isEmpty()) {
            writer.write(new BackendMessage.EmptyQueryResponse());
            readyForQuery();
            return false;
        }
        session.setImplicitBlock(statements.size() > 1);
        try {
            return runStatements(sql, statements);
        } finally {
            session.setImplicitBlock(false);
        }
    }

    private boolean runStatements(String sql, List<ParsedStatement> statements) throws IOException {
        for (int i = 0; i < statements.size(); i++) {
            ParsedStatement statement = statements.get(i);
            boolean last = i == statements.size() - 1;
            try {
                session.beginStatement(statement, sql, true);
                PreparedPlan plan = session.plan(statement, new int[0]);
                String tag;
                try (Execution execution = plan.execute(session, new Object[0])) {
                    if (plan.returnsRows()) {
                        results.rowDescription(plan.resultColumns(), null);
                    }
                    ResultColumn[] columns = plan.returnsRows()
                            ? plan.resultColumns().toArray(new ResultColumn[0]) : new ResultColumn[0];
                    tag = results.run(execution, columns, null, 0, decoder, this::copyInStarted);
                }
                state = ConnectionState.READY;
                session.endStatement(last);
                writer.write(new BackendMessage.CommandComplete(tag));
            } catch (PgException e) {
                state = ConnectionState.READY;
                session.abortStatement();
                return queryError(e.shiftPosition(statement.offset()));
            } catch (UncheckedIOException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
                state = ConnectionState.READY;
                session.abortStatement();
                return queryError(internal(e));
            }
            if (session.interrupts().terminatePending()) {
                return false; // the loop sends the FATAL
            }
        }
        readyForQuery();
        return false;
    }

    /** Reports a simple query's error; a FATAL one ends the session, others end with ReadyForQuery. */
    private boolean queryError(PgException e) throws IOException {
        if (e.severity() == Severity.FATAL || e.severity() == Severity.PANIC) {
            sendFatal(e);
            return true;
        }
        writer.write(new BackendMessage.ErrorResponse(e));
        if (synchronizationLost()) {
            return true;
        }
        readyForQuery();
        return false;
    }

    private void copyInStarted() {
        state = ConnectionState.COPY_IN;
    }

    // ------------------------------------------------------------------------------------------ extended

    private void parse(FrontendMessage.Parse p) throws IOException {
        session.prepare(p.statementName(), p.sql(), p.parameterTypes());
        writer.write(new BackendMessage.ParseComplete());
    }

    private void bind(FrontendMessage.Bind b) throws IOException {
        PreparedStatement statement = session.statement(b.statementName());
        int[] types = statement.parameterTypes();
        Object[] values = ParameterDecoder.decode(b, statement.name(), types, session.formatSettings());
        int columns = statement.isEmpty() || !statement.plan().returnsRows() ? 0
                : statement.plan().resultColumns().size();
        short[] formats = ParameterDecoder.resultFormats(b.resultFormats(), columns);
        session.bind(b.portalName(), statement, values, formats);
        writer.write(new BackendMessage.BindComplete());
    }

    private void describe(FrontendMessage.Describe d) throws IOException {
        switch (d.kind()) {
            case 'S' -> {
                PreparedStatement statement = session.statement(d.name());
                writer.write(new BackendMessage.ParameterDescription(statement.parameterTypes()));
                describeRows(statement, null);
            }
            case 'P' -> {
                Portal portal = session.portal(d.name());
                describeRows(portal.statement(), portal.resultFormats());
            }
            default -> throw Errors.protocolViolation("invalid DESCRIBE message subtype " + (int) d.kind());
        }
    }

    private void describeRows(PreparedStatement statement, short[] formats) throws IOException {
        if (statement.isEmpty() || !statement.plan().returnsRows()) {
            writer.write(new BackendMessage.NoData());
        } else {
            if (session.transactionState() == io.tuskdb.session.TransactionState.FAILED) {
                throw Errors.inFailedTransaction();
            }
            results.rowDescription(statement.plan().resultColumns(), formats);
        }
    }

    private void execute(FrontendMessage.Execute e) throws IOException {
        Portal portal = session.portal(e.portalName());
        PreparedStatement statement = portal.statement();
        if (statement.isEmpty()) {
            writer.write(new BackendMessage.EmptyQueryResponse());
            return;
        }
        if (portal.completedTag() != null) {
            // A finished portal run again has nothing more to return (PG's PortalRun on an at-end portal).
            writer.write(new BackendMessage.CommandComplete(statement.plan().returnsRows() ? "SELECT 0"
                    : portal.completedTag()));
            return;
        }
        PreparedPlan plan = statement.plan();
        boolean resume = portal.execution() != null;
        try {
            session.beginStatement(plan.statement(), statement.sql(), !resume);
            session.setActivePortal(portal);
            if (!resume) {
                portal.started(plan.execute(session, portal.parameters()));
            }
            ResultColumn[] columns = plan.returnsRows()
                    ? plan.resultColumns().toArray(new ResultColumn[0]) : new ResultColumn[0];
            String tag = results.run(portal.execution(), columns, portal.resultFormats(), e.maxRows(), decoder,
                    this::copyInStarted);
            state = ConnectionState.READY;
            if (tag == null) {
                session.endStatement(false);
                writer.write(new BackendMessage.PortalSuspended());
            } else {
                portal.completed(tag);
                session.endStatement(false);
                writer.write(new BackendMessage.CommandComplete(tag));
            }
        } catch (PgException ex) {
            state = ConnectionState.READY;
            portal.close();
            throw ex.shiftPosition(plan.statement().offset());
        } finally {
            session.setActivePortal(null);
        }
    }

    private void close(FrontendMessage.Close c) throws IOException {
        switch (c.kind()) {
            case 'S' -> session.closeStatement(c.name());
            case 'P' -> session.closePortal(c.name());
            default -> throw Errors.protocolViolation("invalid CLOSE message subtype " + (int) c.kind());
        }
        writer.write(new BackendMessage.CloseComplete());
    }

    private void sync() throws IOException {
        state = ConnectionState.READY;
        try {
            session.sync();
        } catch (PgException e) {
            writer.write(new BackendMessage.ErrorResponse(e));
        }
        readyForQuery();
    }

    // ------------------------------------------------------------------------------------------ replies

    /**
     * A Java failure without a SQLSTATE: a too deep recursion is PostgreSQL's 54001 and memory exhaustion its
     * 53200; anything else is a bug, logged with its stack and reported as XX000. The session lives on.
     */
    private PgException internal(Throwable e) {
        if (e instanceof StackOverflowError) {
            return new PgException(SqlState.STATEMENT_TOO_COMPLEX, "stack depth limit exceeded")
                    .withHint("The statement nests too deeply; simplify it.");
        }
        if (e instanceof OutOfMemoryError) {
            return new PgException(SqlState.OUT_OF_MEMORY, "out of memory");
        }
        LOG.log(System.Logger.Level.ERROR, "internal error in session " + session.backendPid(), e);
        return Errors.internal(e);
    }

    private void readyForQuery() throws IOException {
        for (String[] report : session.drainParameterReports()) {
            writer.write(new BackendMessage.ParameterStatus(report[0], report[1]));
        }
        writer.write(new BackendMessage.ReadyForQuery(session.transactionState().readyForQueryStatus()));
        writer.flush();
        session.idle();
    }

    private void sendFatal(PgException e) {
        try {
            writer.write(new BackendMessage.ErrorResponse(e.severity() == Severity.FATAL ? e
                    : e.withSeverity(Severity.FATAL)));
            writer.flush();
        } catch (IOException | RuntimeException ignored) {
            // the client is gone
        }
    }
}
