package io.tuskdb.process;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The packaged server jar (target/tuskdb.jar) run as a separate process, as an operator runs it. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code java -jar tuskdb.jar args} in {@code workingDirectory} and waits until it accepts connections. */
    static ServerProcess start(Path workingDirectory, int port, Map<String, String> environment, String... args)
            throws Exception {
        String jar = System.getProperty("tuskdb.jar", "target/tuskdb.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", new File(jar).getAbsolutePath()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workingDirectory, "server", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ServerProcess server = new ServerProcess(builder.start(), log, port);
        try {
            server.awaitReady(Duration.ofSeconds(60));
        } catch (Exception | AssertionError e) {
            server.kill(); // never leave a server behind when the test cannot use it
            throw e;
        }
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + log());
            }
            try (Connection ignored = connect("postgres", null)) {
                return;
            } catch (SQLException e) {
                // any answer from the server (28P01, or pgjdbc's 08004 when a password is required) means it is
                // up; 08001 is pgjdbc's "connection refused"
                if (!"08001".equals(e.getSQLState())) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("server did not accept connections in time:\n" + log());
    }

    Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    }

    /** SIGTERM: PostgreSQL's fast shutdown. Returns the exit code. */
    int terminate() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server did not stop after SIGTERM:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process dies at once, as in a crash. */
    void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
    }
}
