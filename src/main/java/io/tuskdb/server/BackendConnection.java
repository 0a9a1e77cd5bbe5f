package io.tuskdb.server;

import io.tuskdb.catalog.DatabaseDescriptor;
import io.tuskdb.catalog.RoleDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import io.tuskdb.protocol.BackendMessage;
import io.tuskdb.protocol.BackendWriter;
import io.tuskdb.protocol.ConnectionState;
import io.tuskdb.protocol.FrontendDecoder;
import io.tuskdb.protocol.FrontendMessage;
import io.tuskdb.protocol.auth.Authenticator;
import io.tuskdb.session.Session;
import io.tuskdb.session.settings.SessionSettings;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One client connection from accept to close, run on its own virtual thread: the startup packets (SSL and GSSAPI
 * negotiation, cancel requests), pg_hba matching and authentication, session set-up (PostgreSQL's
 * BackendInitialize and InitPostgres), then the {@link CommandLoop}. Whatever happens, the session's transaction
 * rolls back and the socket closes; nothing escapes to the postmaster.
 */
final class BackendConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(BackendConnection.class.getName());
    /** PostgreSQL's authentication_timeout default. */
    private static final int AUTHENTICATION_TIMEOUT_MILLIS = 60_000;
    private final Postmaster postmaster;
    private final Socket rawSocket;
    private Socket socket;
    private boolean ssl;
    private FrontendDecoder decoder;
    private BufferedInputStream bufferedInput;
    private BackendWriter writer;
    private volatile ConnectionState state = ConnectionState.STARTUP;
    private boolean counted;

    BackendConnection(Postmaster postmaster, Socket socket) {
        this.postmaster = postmaster;
        this.rawSocket = socket;
        this.socket = socket;
    }

    String clientAddress() {
        return ((InetSocketAddress) rawSocket.getRemoteSocketAddress()).getAddress().getHostAddress();
    }

    int clientPort() {
        return rawSocket.getPort();
    }

    ConnectionState state() {
        return state;
    }

    /** Immediate shutdown: the socket closes under the session. */
    void closeSocket() {
        try {
            rawSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Wakes a session blocked reading from its client (terminate while idle). */
    void shutdownInput() {
        try {
            rawSocket.shutdownInput();
        } catch (IOException | UnsupportedOperationException ignored) {
            // already closed
        }
    }

    @Override
    public void run() {
        Session session = null;
        int pid = 0;
        try {
            rawSocket.setTcpNoDelay(true);
            rawSocket.setKeepAlive(true);
            // authentication_timeout: a client that does not finish start-up in time is dropped quietly
            rawSocket.setSoTimeout(AUTHENTICATION_TIMEOUT_MILLIS);
            streams(rawSocket.getInputStream(), rawSocket.getOutputStream());
            FrontendMessage.StartupMessage startup = negotiate();
            if (startup == null) {
                return;
            }
            pid = postmaster.registry().allocatePid();
            session = startSession(startup, pid);
            if (session == null) {
                return;
            }
            socket.setSoTimeout(0);
            rawSocket.setSoTimeout(0);
            state = ConnectionState.READY;
            new CommandLoop(session, decoder, writer, this).run();
        } catch (PgException e) {
            sendFatal(e);
        } catch (IOException e) {
            // The client went away (EOF, reset, TLS failure): end quietly, as PostgreSQL does.
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError | OutOfMemoryError e) {
            LOG.log(System.Logger.Level.ERROR, "internal error in connection from " + clientAddress(), e);
            sendFatal(new PgException(SqlState.INTERNAL_ERROR, Severity.FATAL, String.valueOf(e.getMessage()), null,
                    null, 0, null, null, null, null, e));
        } finally {
            state = ConnectionState.TERMINATED;
            if (session != null) {
                try {
                    session.close();
                } catch (RuntimeException ignored) {
                    // the transaction is gone with the storage engine's rollback either way
                }
                postmaster.registry().unregister(pid);
            }
            if (counted) {
                postmaster.connectionEnded();
            }
            closeSocket();
            postmaster.backendExited(this);
        }
    }

    private void streams(InputStream in, OutputStream out) {
        bufferedInput = new BufferedInputStream(in, 16 * 1024);
        decoder = new FrontendDecoder(bufferedInput);
        writer = new BackendWriter(out);
    }

    /** SSLRequest, GSSENCRequest and CancelRequest until the StartupMessage; null when the connection ends. */
    private FrontendMessage.StartupMessage negotiate() throws IOException {
        while (true) {
            FrontendMessage packet = decoder.readStartupPacket();
            switch (packet) {
                case null -> {
                    return null;
                }
                case FrontendMessage.SslRequest r -> {
                    if (postmaster.config().sslContext() != null && !ssl) {
                        if (bufferedInput.available() > 0) {
                            // bytes sent before the handshake could be injected by a man in the middle
                            // (CVE-2021-23214): PostgreSQL refuses them
                            throw fatal(SqlState.PROTOCOL_VIOLATION, "received unencrypted data after SSL request")
                                    .withDetail("This could be either a client-software bug or evidence of an "
                                            + "attempted man-in-the-middle attack.");
                        }
                        writer.writeRawByte('S');
                        SSLSocket tls = (SSLSocket) postmaster.config().sslContext().getSocketFactory()
                                .createSocket(rawSocket, rawSocket.getInetAddress().getHostAddress(),
                                        rawSocket.getPort(), true);
                        tls.setUseClientMode(false);
                        tls.setSoTimeout(AUTHENTICATION_TIMEOUT_MILLIS);
                        tls.startHandshake();
                        socket = tls;
                        ssl = true;
                        streams(tls.getInputStream(), tls.getOutputStream());
                    } else {
                        writer.writeRawByte('N');
                    }
                }
                case FrontendMessage.GssEncRequest r -> writer.writeRawByte('N');
                case FrontendMessage.CancelRequest c -> {
                    postmaster.registry().cancelRequest(c.processId(), c.secretKey());
                    return null;
                }
                case FrontendMessage.StartupMessage s -> {
                    return s;
                }
                default -> throw new IllegalStateException("startup decoder returned " + packet);
            }
        }
    }

    /** Version check, limits, pg_hba, authentication, role and database checks; the new session or null. */
    private Session startSession(FrontendMessage.StartupMessage startup, int pid) throws IOException {
        if (startup.majorVersion() != 3) {
            throw fatal(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol " + startup.majorVersion()
                    + "." + startup.minorVersion() + ": server supports 3.0 to 3.0");
        }
        Map<String, String> params = new LinkedHashMap<>(startup.parameters());
        List<String> unrecognizedProtocolOptions = new ArrayList<>();
        params.keySet().removeIf(name -> {
            if (name.startsWith("_pq_.")) {
                unrecognizedProtocolOptions.add(name);
                return true;
            }
            return false;
        });
        String user = params.remove("user");
        if (user == null || user.isEmpty()) {
            throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no PostgreSQL user name specified in startup packet");
        }
        String database = params.remove("database");
        if (database == null || database.isEmpty()) {
            database = user;
        }
        String replication = params.remove("replication");
        if (replication != null && !List.of("false", "0", "off", "no").contains(replication.toLowerCase())) {
            throw fatal(SqlState.FEATURE_NOT_SUPPORTED, "replication connections are not supported");
        }
        String options = params.remove("options");

        if (startup.minorVersion() > 0 || !unrecognizedProtocolOptions.isEmpty()) {
            writer.write(new BackendMessage.NegotiateProtocolVersion(0, unrecognizedProtocolOptions));
        }
        if (postmaster.shuttingDown()) {
            throw fatal(SqlState.CANNOT_CONNECT_NOW, "the database system is shutting down");
        }
        counted = true;
        if (!postmaster.connectionStarted()) {
            throw fatal(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already");
        }

        state = ConnectionState.AUTHENTICATING;
        HbaRule rule = matchHba(database, user);
        Optional<RoleDescriptor> role = postmaster.cluster().catalog().role(user);
        new Authenticator(decoder, writer).authenticate(rule.method(), user, role.orElse(null));
        writer.write(new BackendMessage.AuthenticationOk());

        // InitPostgres: the role, then the database.
        if (role.isEmpty()) {
            throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "role \"" + user + "\" does not exist");
        }
        if (!role.get().canLogin()) {
            throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "role \"" + user + "\" is not permitted to log in");
        }
        Optional<DatabaseDescriptor> db = postmaster.cluster().catalog().database(database);
        if (db.isEmpty()) {
            throw fatal(SqlState.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist");
        }
        if (!db.get().allowConnections()) {
            throw fatal(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "database \"" + database + "\" is not currently accepting connections");
        }

        SessionSettings settings = new SessionSettings(postmaster.serverDefaults());
        if (options != null) {
            StartupOptions.parse(options).forEach((name, value) -> settings.setAtStartup(name, value, false));
        }
        params.forEach((name, value) -> settings.setAtStartup(name, value, false));

        Session session = new Session(postmaster.cluster(), postmaster.engine(), pid, role.get(), db.get(), settings,
                postmaster.registry());
        session.interrupts().bindThread(Thread.currentThread());
        session.interrupts().onIdleWakeup(this::shutdownInput);
        int secret = SessionRegistry.newSecretKey();
        postmaster.registry().register(new SessionRegistry.Entry(pid, secret, session, this));
        if (postmaster.shuttingDown()) {
            // a fast shutdown that began while we authenticated did not see this session
            throw fatal(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
        }
        for (String[] report : session.drainParameterReports()) {
            writer.write(new BackendMessage.ParameterStatus(report[0], report[1]));
        }
        writer.write(new BackendMessage.BackendKeyData(pid, secret));
        return session;
    }

    private HbaRule matchHba(String database, String user) {
        var client = ((InetSocketAddress) rawSocket.getRemoteSocketAddress()).getAddress();
        for (HbaRule rule : postmaster.config().hbaRules()) {
            if (rule.matches(ssl, database, user, client)) {
                if (rule.method() == io.tuskdb.protocol.auth.AuthMethod.REJECT) {
                    throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                            "pg_hba.conf rejects connection for host \"" + client.getHostAddress() + "\", user \""
                                    + user + "\", database \"" + database + "\", " + encryption());
                }
                return rule;
            }
        }
        throw fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "no pg_hba.conf entry for host \""
                + client.getHostAddress() + "\", user \"" + user + "\", database \"" + database + "\", "
                + encryption());
    }

    private String encryption() {
        return ssl ? "SSL encryption" : "no encryption";
    }

    private void sendFatal(PgException e) {
        try {
            if (writer != null) {
                writer.write(new BackendMessage.ErrorResponse(e.severity() == Severity.FATAL ? e
                        : e.withSeverity(Severity.FATAL)));
                writer.flush();
            }
        } catch (IOException | RuntimeException ignored) {
            // the client is gone
        }
    }

    static PgException fatal(SqlState state, String message) {
        return new PgException(state, Severity.FATAL, message, null, null, 0, null, null, null, null, null);
    }
}
