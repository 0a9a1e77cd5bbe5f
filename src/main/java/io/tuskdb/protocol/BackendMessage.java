package io.tuskdb.protocol;

import io.tuskdb.error.PgException;

import java.util.List;

/**
 * Messages the server sends, encoded by {@link BackendWriter}
 * (<a href="https://www.postgresql.org/docs/15/protocol-message-formats.html">message formats</a>).
 */
public sealed interface BackendMessage {

    /** 'R' code 0 */
    record AuthenticationOk() implements BackendMessage {
    }

    /** 'R' code 3 */
    record AuthenticationCleartextPassword() implements BackendMessage {
    }

    /** 'R' code 10: the SASL mechanisms offered. */
    record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {
    }

    /** 'R' code 11: server-first-message. */
    record AuthenticationSaslContinue(byte[] data) implements BackendMessage {
    }

    /** 'R' code 12: server-final-message. */
    record AuthenticationSaslFinal(byte[] data) implements BackendMessage {
    }

    /** 'v': the newest minor version we support and the startup options we did not recognise. */
    record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
            implements BackendMessage {
    }

    /** 'S' */
    record ParameterStatus(String name, String value) implements BackendMessage {
    }

    /** 'K' */
    record BackendKeyData(int processId, int secretKey) implements BackendMessage {
    }

    /** 'Z' with 'I' (idle), 'T' (in a transaction block) or 'E' (in a failed transaction block). */
    record ReadyForQuery(char transactionStatus) implements BackendMessage {
    }

    /** One field of a RowDescription. */
    record Field(String name, int tableOid, short attnum, int typeOid, short typlen, int typmod, short format) {
    }

    /** 'T' */
    record RowDescription(List<Field> fields) implements BackendMessage {
    }

    /** 'D'; a null element is SQL NULL. */
    record DataRow(byte[][] values) implements BackendMessage {
    }

    /** 'C' */
    record CommandComplete(String tag) implements BackendMessage {
    }

    /** 'I' */
    record EmptyQueryResponse() implements BackendMessage {
    }

    /** 'E' (severity ERROR, FATAL, PANIC) */
    record ErrorResponse(PgException error) implements BackendMessage {
    }

    /** 'N' (severity WARNING, NOTICE, INFO, ...) */
    record NoticeResponse(PgException notice) implements BackendMessage {
    }

    /** '1' */
    record ParseComplete() implements BackendMessage {
    }

    /** '2' */
    record BindComplete() implements BackendMessage {
    }

    /** '3' */
    record CloseComplete() implements BackendMessage {
    }

    /** 'n' */
    record NoData() implements BackendMessage {
    }

    /** 't' */
    record ParameterDescription(int[] typeOids) implements BackendMessage {
    }

    /** 's' */
    record PortalSuspended() implements BackendMessage {
    }

    /** 'G': overall format (0 text, 1 binary) and the per-column formats. */
    record CopyInResponse(boolean binary, int columnCount) implements BackendMessage {
    }

    /** 'H' */
    record CopyOutResponse(boolean binary, int columnCount) implements BackendMessage {
    }

    /** 'd' */
    record CopyData(byte[] data) implements BackendMessage {
    }

    /** 'c' */
    record CopyDone() implements BackendMessage {
    }
}
