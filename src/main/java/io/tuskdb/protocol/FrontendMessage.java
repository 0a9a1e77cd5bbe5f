package io.tuskdb.protocol;

import java.util.Map;

/**
 * Messages a client sends, decoded by {@link FrontendDecoder}. The first four are startup packets (no type byte);
 * the rest are typed messages of the v3 protocol
 * (<a href="https://www.postgresql.org/docs/15/protocol-message-formats.html">message formats</a>).
 */
public sealed interface FrontendMessage {

    /** SSLRequest (code 80877103). */
    record SslRequest() implements FrontendMessage {
    }

    /** GSSENCRequest (code 80877104), always refused. */
    record GssEncRequest() implements FrontendMessage {
    }

    /** CancelRequest (code 80877102), sent on a fresh connection. */
    record CancelRequest(int processId, int secretKey) implements FrontendMessage {
    }

    /** StartupMessage: protocol version and the parameters (user, database, options, GUCs) in the order sent. */
    record StartupMessage(int majorVersion, int minorVersion, Map<String, String> parameters)
            implements FrontendMessage {
    }

    /** 'p': a password, SASLInitialResponse or SASLResponse; its meaning depends on the authentication step. */
    record PasswordMessage(byte[] body) implements FrontendMessage {
    }

    /** 'Q' */
    record Query(String sql) implements FrontendMessage {
    }

    /** 'P'; {@code parameterTypes} may hold 0 for "infer". */
    record Parse(String statementName, String sql, int[] parameterTypes) implements FrontendMessage {
    }

    /** 'B'; a null element of {@code parameters} is SQL NULL. */
    record Bind(String portalName, String statementName, short[] parameterFormats, byte[][] parameters,
                short[] resultFormats) implements FrontendMessage {
    }

    /** 'D' with kind 'S' (statement) or 'P' (portal). */
    record Describe(char kind, String name) implements FrontendMessage {
    }

    /** 'E'; {@code maxRows} 0 means no limit. */
    record Execute(String portalName, int maxRows) implements FrontendMessage {
    }

    /** 'C' with kind 'S' or 'P'. */
    record Close(char kind, String name) implements FrontendMessage {
    }

    /** 'S' */
    record Sync() implements FrontendMessage {
    }

    /** 'H' */
    record Flush() implements FrontendMessage {
    }

    /** 'X' */
    record Terminate() implements FrontendMessage {
    }

    /** 'd' */
    record CopyData(byte[] data) implements FrontendMessage {
    }

    /** 'c' */
    record CopyDone() implements FrontendMessage {
    }

    /** 'f' */
    record CopyFail(String message) implements FrontendMessage {
    }

    /** 'F': the fast-path function call interface, refused with 0A000. */
    record FunctionCall() implements FrontendMessage {
    }
}
