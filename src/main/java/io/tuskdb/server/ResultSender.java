package io.tuskdb.server;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.protocol.BackendMessage;
import io.tuskdb.protocol.BackendWriter;
import io.tuskdb.protocol.FrontendDecoder;
import io.tuskdb.protocol.FrontendMessage;
import io.tuskdb.session.Session;
import io.tuskdb.sql.Execution;
import io.tuskdb.sql.ResultColumn;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TypeIO;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends an execution's results: RowDescription, DataRows in text or binary per column, and the COPY
 * sub-protocol (CopyInResponse / CopyData / CopyDone, CopyOutResponse / CopyData / CopyDone). PostgreSQL's
 * printtup.c and copy{from,to}.c's protocol side.
 */
final class ResultSender {
    private final Session session;
    private final BackendWriter writer;
    private boolean synchronizationLost;

    ResultSender(Session session, BackendWriter writer) {
        this.session = session;
        this.writer = writer;
    }

    /** True once COPY IN met a message it cannot take: after reporting the error the session must end. */
    boolean synchronizationLost() {
        return synchronizationLost;
    }

    /** RowDescription; {@code formats} null means all text (statement Describe, simple query). */
    void rowDescription(List<ResultColumn> columns, short[] formats) throws IOException {
        List<BackendMessage.Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn c = columns.get(i);
            PgType type = c.type();
            fields.add(new BackendMessage.Field(c.name(), c.tableOid(), (short) c.attnum(),
                    type == null ? 0 : type.oid(), (short) (type == null ? -1 : type.typlen()), c.typmod(),
                    formats == null ? 0 : formats[i]));
        }
        writer.write(new BackendMessage.RowDescription(fields));
    }

    /**
     * Pulls up to {@code maxRows} rows (0: all) and sends them. Returns the command tag when the execution
     * finished, null when the row limit suspended it.
     */
    String run(Execution execution, ResultColumn[] columns, short[] formats, int maxRows, FrontendDecoder decoder,
               Runnable copyInStarted) throws IOException {
        Execution.CopyIn copyIn = execution.copyIn();
        if (copyIn != null) {
            copyInStarted.run();
            return copyIn(copyIn, decoder);
        }
        Execution.CopyOut copyOut = execution.copyOut();
        if (copyOut != null) {
            return copyOut(copyOut);
        }
        int n = columns.length;
        PgType[] types = new PgType[n];
        boolean[] binary = new boolean[n];
        for (int i = 0; i < n; i++) {
            types[i] = columns[i].type();
            binary[i] = formats != null && formats[i] == 1;
        }
        FormatSettings settings = session.formatSettings();
        long sent = 0;
        while (maxRows <= 0 || sent < maxRows) {
            session.checkForInterrupts();
            Object[] row = execution.next();
            if (row == null) {
                String tag = execution.commandTag();
                // PostgreSQL counts the rows of this Execute only, so a resumed portal ends with its last chunk's
                // count (pquery.c PortalRunSelect).
                return n > 0 && tag.startsWith("SELECT ") ? "SELECT " + sent : tag;
            }
            writer.beginDataRow(n);
            try {
                for (int i = 0; i < n; i++) {
                    Object v = row[i];
                    if (v == null) {
                        writer.value(null);
                    } else if (binary[i]) {
                        writer.value(TypeIO.toBinary(types[i], v));
                    } else {
                        writer.textValue(TypeIO.toText(types[i], v, settings));
                    }
                }
            } catch (RuntimeException | Error e) {
                // an output function failed: the half-built DataRow must not precede the ErrorResponse
                writer.discardOpenMessage();
                throw e;
            }
            writer.endDataRow();
            sent++;
        }
        return null;
    }

    private String copyOut(Execution.CopyOut copyOut) throws IOException {
        writer.write(new BackendMessage.CopyOutResponse(copyOut.binary(), copyOut.columnCount()));
        byte[] chunk;
        while ((chunk = copyOut.nextChunk()) != null) {
            session.checkForInterrupts();
            writer.write(new BackendMessage.CopyData(chunk));
        }
        writer.write(new BackendMessage.CopyDone());
        return copyOut.commandTag();
    }

    /** COPY FROM STDIN: CopyData until CopyDone (finish) or CopyFail (fail); Flush and Sync are ignored. */
    private String copyIn(Execution.CopyIn copyIn, FrontendDecoder decoder) throws IOException {
        writer.write(new BackendMessage.CopyInResponse(copyIn.binary(), copyIn.columnCount()));
        writer.flush();
        while (true) {
            FrontendMessage message = decoder.readMessage(false);
            switch (message) {
                case null -> throw new EOFException("unexpected EOF on client connection with an open transaction");
                case FrontendMessage.CopyData d -> {
                    session.checkForInterrupts();
                    copyIn.data(d.data(), 0, d.data().length);
                }
                case FrontendMessage.CopyDone d -> {
                    return copyIn.finish();
                }
                case FrontendMessage.CopyFail f -> {
                    copyIn.fail(f.message());
                    throw new PgException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + f.message());
                }
                case FrontendMessage.Flush f -> {
                }
                case FrontendMessage.Sync s -> {
                }
                default -> {
                    // PostgreSQL raises this while the message is half read, so the session cannot go on
                    // (postgres.c: "terminating connection because protocol synchronization was lost").
                    synchronizationLost = true;
                    throw Errors.protocolViolation(String.format(
                            "unexpected message type 0x%02X during COPY from stdin", typeByte(message)));
                }
            }
        }
    }

    private static int typeByte(FrontendMessage m) {
        return switch (m) {
            case FrontendMessage.Query q -> 'Q';
            case FrontendMessage.Parse p -> 'P';
            case FrontendMessage.Bind b -> 'B';
            case FrontendMessage.Describe d -> 'D';
            case FrontendMessage.Execute e -> 'E';
            case FrontendMessage.Close c -> 'C';
            case FrontendMessage.Terminate t -> 'X';
            case FrontendMessage.FunctionCall f -> 'F';
            case FrontendMessage.PasswordMessage p -> 'p';
            default -> 0;
        };
    }

}
