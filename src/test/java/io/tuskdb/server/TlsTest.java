package io.tuskdb.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
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

    @Test
    void sslModeRequireConnectsOverTlsAndHostsslMatches() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (TestServer server = new TestServer(data, 10, selfSigned(dir), "hostssl all all 127.0.0.1/32 scram-sha-256",
                "hostnossl all all 127.0.0.1/32 reject")) {
            Properties tls = new Properties();
            tls.setProperty("sslmode", "require");
            try (Connection c = server.connect("postgres", "tusk", "secret", tls)) {
                assertThat(c.isClosed()).isFalse();
            }
            Properties plain = new Properties();
            plain.setProperty("sslmode", "disable");
            assertThatThrownBy(() -> server.connect("postgres", "tusk", "secret", plain))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
                    .hasMessageContaining("pg_hba.conf rejects connection for host \"127.0.0.1\", user \"tusk\", "
                            + "database \"postgres\", no encryption");
        }
    }

    @Test
    void noHbaEntryNamesSslEncryption() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (TestServer server = new TestServer(data, 10, selfSigned(dir), "hostnossl all all all trust")) {
            Properties tls = new Properties();
            tls.setProperty("sslmode", "require");
            assertThatThrownBy(() -> server.connect("postgres", "tusk", null, tls))
                    .hasMessageContaining("no pg_hba.conf entry for host \"127.0.0.1\", user \"tusk\", "
                            + "database \"postgres\", SSL encryption");
        }
    }
}
