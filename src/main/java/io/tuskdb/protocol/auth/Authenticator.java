package io.tuskdb.protocol.auth;

import io.tuskdb.catalog.RoleDescriptor;
import io.tuskdb.catalog.ScramVerifier;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.protocol.BackendMessage;
import io.tuskdb.protocol.BackendWriter;
import io.tuskdb.protocol.FrontendDecoder;
import io.tuskdb.protocol.FrontendMessage;
import io.tuskdb.protocol.MessageBody;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the authentication exchange of one pg_hba method (PostgreSQL's ClientAuthentication in
 * src/backend/libpq/auth.c). Returns normally when the client is authenticated (AuthenticationOk is left to the
 * caller); throws a FATAL {@link PgException} otherwise. Stored passwords are SCRAM verifiers, so md5 runs SCRAM
 * exactly as PostgreSQL does for a role whose password is stored as SCRAM.
 */
public final class Authenticator {
    private final FrontendDecoder in;
    private final BackendWriter out;

    public Authenticator(FrontendDecoder in, BackendWriter out) {
        this.in = in;
        this.out = out;
    }

    /**
     * @param role the role named in the startup packet, or null when it does not exist
     * @throws EOFException when the client hangs up during the exchange (PostgreSQL then ends quietly)
     */
    public void authenticate(AuthMethod method, String user, RoleDescriptor role) throws IOException {
        switch (method) {
            case TRUST -> {
            }
            case REJECT -> throw new IllegalArgumentException("reject is decided by the caller");
            case PASSWORD -> cleartextPassword(user, role);
            case MD5, SCRAM_SHA_256 -> scram(user, role);
        }
    }

    private void cleartextPassword(String user, RoleDescriptor role) throws IOException {
        out.write(new BackendMessage.AuthenticationCleartextPassword());
        out.flush();
        byte[] body = expectPasswordMessage("expected password response, got message type ");
        MessageBody b = new MessageBody(body);
        String password;
        try {
            password = b.getString();
            b.end();
        } catch (PgException e) {
            throw fatal(SqlState.PROTOCOL_VIOLATION, "invalid password packet size");
        }
        ScramVerifier verifier = role == null ? null : ScramVerifier.parse(role.passwordVerifier());
        if (password.isEmpty() || verifier == null || !verifier.matches(password)) {
            throw passwordFailed(user);
        }
    }

    private void scram(String user, RoleDescriptor role) throws IOException {
        out.write(new BackendMessage.AuthenticationSasl(List.of(ScramExchange.MECHANISM)));
        out.flush();
        ScramVerifier verifier = role == null ? null : ScramVerifier.parse(role.passwordVerifier());
        ScramExchange exchange = new ScramExchange(verifier, user);

        // SASLInitialResponse: mechanism, then the length-prefixed client-first-message.
        MessageBody initial = new MessageBody(expectPasswordMessage("expected SASL response, got message type "));
        String mechanism;
        byte[] clientFirst;
        try {
            mechanism = initial.getString();
            int length = initial.getInt32();
            clientFirst = length < 0 ? new byte[0] : initial.getBytes(length);
            initial.end();
        } catch (PgException e) {
            throw fatal(SqlState.PROTOCOL_VIOLATION, e.getMessage());
        }
        if (!ScramExchange.MECHANISM.equals(mechanism)) {
            throw fatal(SqlState.PROTOCOL_VIOLATION, "client selected an invalid SASL authentication mechanism");
        }
        byte[] serverFirst = exchange.clientFirst(clientFirst);
        out.write(new BackendMessage.AuthenticationSaslContinue(serverFirst));
        out.flush();

        byte[] clientFinal = expectPasswordMessage("expected SASL response, got message type ");
        byte[] serverFinal = exchange.clientFinal(clientFinal);
        if (serverFinal == null) {
            throw passwordFailed(user);
        }
        out.write(new BackendMessage.AuthenticationSaslFinal(serverFinal));
    }

    private byte[] expectPasswordMessage(String unexpectedPrefix) throws IOException {
        FrontendMessage message;
        try {
            message = in.readMessage(true);
        } catch (PgException e) {
            // PG reports a bad message here as "expected ... response"; the framing is lost either way.
            throw e.severity() == Severity.FATAL ? e : e.withSeverity(Severity.FATAL);
        }
        if (message == null) {
            throw new EOFException("client closed the connection during authentication");
        }
        if (message instanceof FrontendMessage.PasswordMessage(byte[] body)) {
            return body;
        }
        throw fatal(SqlState.PROTOCOL_VIOLATION, unexpectedPrefix + typeCode(message));
    }

    private static int typeCode(FrontendMessage message) {
        return switch (message) {
            case FrontendMessage.Query q -> 'Q';
            case FrontendMessage.Parse p -> 'P';
            case FrontendMessage.Bind b -> 'B';
            case FrontendMessage.Describe d -> 'D';
            case FrontendMessage.Execute e -> 'E';
            case FrontendMessage.Close c -> 'C';
            case FrontendMessage.Sync s -> 'S';
            case FrontendMessage.Flush f -> 'H';
            case FrontendMessage.Terminate t -> 'X';
            case FrontendMessage.CopyData d -> 'd';
            case FrontendMessage.CopyDone d -> 'c';
            case FrontendMessage.CopyFail f -> 'f';
            case FrontendMessage.FunctionCall f -> 'F';
            case FrontendMessage.PasswordMessage p -> 'p';
            case FrontendMessage.SslRequest s -> 0;
            case FrontendMessage.GssEncRequest g -> 0;
            case FrontendMessage.CancelRequest c -> 0;
            case FrontendMessage.StartupMessage s -> 0;
        };
    }

    public static PgException passwordFailed(String user) {
        return fatal(SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
    }

    static PgException fatal(SqlState state, String message) {
        return new PgException(state, Severity.FATAL, message, null, null, 0, null, null, null, null, null);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
