package io.tuskdb.server;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.sql.SqlEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The postmaster (src/backend/postmaster/postmaster.c): binds the listen sockets, accepts connections and runs
 * each on its own virtual thread as a {@link BackendConnection}, keeps the {@link SessionRegistry}, and stops in
 * PostgreSQL's three {@link ShutdownMode}s. It never closes the {@link Cluster}; its owner does, after shutdown.
 */
public final class Postmaster {
    /** How long a fast shutdown waits for sessions to roll back before it closes their sockets. */
    private static final long FAST_SHUTDOWN_GRACE_MILLIS = 5000;

    private final ServerConfig config;
    private final Cluster cluster;
    private final SqlEngine engine;
    private final SessionRegistry registry = new SessionRegistry();
    private final Set<BackendConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger activeConnections = new AtomicInteger();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<Thread> acceptThreads = new ArrayList<>();
    private volatile Map<String, String> serverDefaults = Map.of();
    private volatile boolean running;
    private volatile boolean shuttingDown;
    private int localPort;

    public Postmaster(ServerConfig config, Cluster cluster, SqlEngine engine) {
        this.config = config;
        this.cluster = cluster;
        this.engine = engine;
    }

    /**
     * Parameter defaults for every new session (postgresql.conf's role: TimeZone, DateStyle, statement_timeout...),
     * by PostgreSQL's parameter name. Takes effect for sessions started afterwards.
     */
    public void setServerDefaults(Map<String, String> defaults) {
        try {
            new io.tuskdb.session.settings.SessionSettings(defaults); // every name and value must be valid
        } catch (io.tuskdb.error.PgException e) {
            throw new IllegalArgumentException("invalid server default: " + e.getMessage(), e);
        }
        this.serverDefaults = Map.copyOf(defaults);
    }

    /** Binds every listen address and starts accepting. */
    public synchronized void start() {
        if (running) {
            throw new IllegalStateException("postmaster already running");
        }
        try {
            int port = config.port();
            for (InetAddress address : resolveListenAddresses()) {
                ServerSocket server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(address, port), 128);
                if (port == 0) {
                    port = server.getLocalPort();
                }
                listeners.add(server);
            }
            localPort = port;
        } catch (IOException e) {
            closeListeners();
            throw new UncheckedIOException("could not bind to port " + config.port(), e);
        }
        running = true;
        shuttingDown = false;
        for (ServerSocket server : listeners) {
            Thread t = Thread.ofPlatform().daemon().name("tuskdb-postmaster-" + server.getLocalSocketAddress())
                    .start(() -> acceptLoop(server));
            acceptThreads.add(t);
        }
    }

    private List<InetAddress> resolveListenAddresses() throws IOException {
        Set<InetAddress> out = new LinkedHashSet<>();
        for (String a : config.listenAddresses()) {
            String name = a.trim();
            if (name.equals("*")) {
                out.add(new InetSocketAddress(0).getAddress());
            } else {
                for (InetAddress address : InetAddress.getAllByName(name)) {
                    out.add(address);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no listen addresses");
        }
        return new ArrayList<>(out);
    }

    private void acceptLoop(ServerSocket server) {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketException e) {
                return; // closed by shutdown
            } catch (IOException e) {
                continue;
            }
            BackendConnection connection = new BackendConnection(this, socket);
            connections.add(connection);
            try {
                Thread.ofVirtual().name("tuskdb-backend").start(connection);
            } catch (RuntimeException e) {
                connections.remove(connection);
                connection.closeSocket();
            }
        }
    }

    /** The bound port (the ephemeral one when configured with 0). */
    public int localPort() {
        return localPort;
    }

    public boolean isRunning() {
        return running;
    }

    /** The live sessions: pg_stat_activity, cancel and terminate by pid. */
    public SessionRegistry sessions() {
        return registry;
    }

    /** Stops the server; returns when every session has ended. */
    public void shutdown(ShutdownMode mode) {
        synchronized (this) {
            if (!running) {
                return;
            }
            shuttingDown = true;
        }
        switch (mode) {
            case SMART -> {
                if (!awaitSessions(config.smartShutdownTimeout().toMillis())) {
                    fast();
                }
            }
            case FAST -> fast();
            case IMMEDIATE -> immediate();
        }
        closeListeners();
        for (Thread t : acceptThreads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        acceptThreads.clear();
        running = false;
    }

    private void fast() {
        closeListeners();
        for (SessionRegistry.Entry e : registry.entries()) {
            e.session().interrupts().terminate();
        }
        // Connections still authenticating have no session to interrupt: they see shuttingDown, or get closed.
        if (!awaitSessions(FAST_SHUTDOWN_GRACE_MILLIS)) {
            immediate();
        }
    }

    private void immediate() {
        closeListeners();
        for (BackendConnection c : connections) {
            c.closeSocket();
        }
        awaitSessions(FAST_SHUTDOWN_GRACE_MILLIS);
    }

    private boolean awaitSessions(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!connections.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private synchronized void closeListeners() {
        for (ServerSocket s : listeners) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        listeners.clear();
    }

    // ------------------------------------------------------------------ for BackendConnection

    ServerConfig config() {
        return config;
    }

    Cluster cluster() {
        return cluster;
    }

    SqlEngine engine() {
        return engine;
    }

    SessionRegistry registry() {
        return registry;
    }

    Map<String, String> serverDefaults() {
        Map<String, String> defaults = new java.util.HashMap<>(serverDefaults);
        defaults.put("max_connections", Integer.toString(config.maxConnections()));
        return defaults;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /** Counts a connection past its startup packet; false when that exceeds max_connections. */
    boolean connectionStarted() {
        return activeConnections.incrementAndGet() <= config.maxConnections();
    }

    void connectionEnded() {
        activeConnections.decrementAndGet();
    }

    void backendExited(BackendConnection connection) {
        connections.remove(connection);
    }
}
