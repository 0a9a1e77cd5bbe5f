package io.tuskdb.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.sql.SqlEngine;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SSLRequest answered with 'S' and a TLS handshake; hostssl/hostnossl lines see the difference. */
class TlsTest {
    @TempDir
    Path dir;

    /** A self-signed certificate made by the JDK's keytool. */
    private static SSLContext selfSigned(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "tuskdb", "-keyalg", "RSA", "-keysize",
                "2048", "-validity", "2", "-dname", "CN=localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** A postmaster with TLS over a fresh cluster (superuser "postgres", password "secret"). */
    private record TlsServer(Cluster cluster, Postmaster postmaster) implements AutoCloseable {
        static TlsServer start(Path data, SSLContext ssl, String... hba) {
            Cluster cluster = StoredCluster.open(data, "postgres", "secret");
            Postmaster postmaster = new Postmaster(new ServerConfig(List.of("127.0.0.1"), 0, 10, Clients.rules(hba),
                    ssl, Duration.ofSeconds(5)), cluster, new SqlEngine());
            postmaster.start();
            return new TlsServer(cluster, postmaster);
        }

        @Override
        public void close() {
            postmaster.shutdown(ShutdownMode.FAST);
            cluster.close();
        }
    }

    @Test
    void sslModeRequireConnectsOverTlsAndHostsslMatches() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (TlsServer server = TlsServer.start(data, selfSigned(dir), "hostssl all all 127.0.0.1/32 scram-sha-256",
                "hostnossl all all 127.0.0.1/32 reject")) {
            int port = server.postmaster().localPort();
            Properties tls = new Properties();
            tls.setProperty("sslmode", "require");
            try (Connection c = Clients.connect(port, "postgres", "postgres", "secret", tls)) {
                assertThat(c.isClosed()).isFalse();
            }
            Properties plain = new Properties();
            plain.setProperty("sslmode", "disable");
            assertThatThrownBy(() -> Clients.connect(port, "postgres", "postgres", "secret", plain))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
                    .hasMessageContaining("pg_hba.conf rejects connection for host \"127.0.0.1\", user \"postgres\", "
                            + "database \"postgres\", no encryption");
        }
    }

    @Test
    void noHbaEntryNamesSslEncryption() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (TlsServer server = TlsServer.start(data, selfSigned(dir), "hostnossl all all all trust")) {
            int port = server.postmaster().localPort();
            Properties tls = new Properties();
            tls.setProperty("sslmode", "require");
            assertThatThrownBy(() -> Clients.connect(port, "postgres", "postgres", null, tls))
                    .hasMessageContaining("no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", "
                            + "database \"postgres\", SSL encryption");
        }
    }

    @Test
    void dataPipelinedAfterSslRequestIsRefused() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (TlsServer server = TlsServer.start(data, selfSigned(dir), "host all all all trust");
             RawClient c = new RawClient(server.postmaster().localPort())) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream d = new java.io.DataOutputStream(b);
            d.writeInt(8);
            d.writeInt(80877103);
            d.writeInt(8);
            d.writeInt(196608);
            c.raw(b.toByteArray());
            RawClient.Msg m = c.read();
            assertThat(m.fields()).containsEntry('S', "FATAL").containsEntry('C', "08P01")
                    .containsEntry('M', "received unencrypted data after SSL request");
        }
    }
}
