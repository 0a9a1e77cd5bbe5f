package io.tuskdb;

import io.tuskdb.config.PostmasterLifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring application as operators run it: properties bound, the data directory initialised, the postmaster
 * listening, and TLS offered through a Spring Boot SSL bundle so that {@code sslmode=require} connects.
 */
@SpringBootTest(properties = {"tuskdb.port=0", "tuskdb.listen-addresses=127.0.0.1", "tuskdb.ssl.bundle=server",
        "spring.ssl.bundle.jks.server.keystore.password=changeit",
        "spring.ssl.bundle.jks.server.keystore.type=PKCS12"})
class TuskDbApplicationTest {
    private static Path directory;

    @DynamicPropertySource
    static void dataDirectoryAndKeystore(DynamicPropertyRegistry registry) throws Exception {
        directory = Files.createTempDirectory("tuskdb-app");
        Path keystore = directory.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        registry.add("tuskdb.data-directory", () -> directory.resolve("data").toString());
        registry.add("spring.ssl.bundle.jks.server.keystore.location", () -> "file:" + keystore);
    }

    @Autowired
    PostmasterLifecycle lifecycle;

    @Test
    void startsInitialisesAndServesOverTls() throws Exception {
        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(directory.resolve("data")).isDirectory();
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("sslmode", "require");
        String url = "jdbc:postgresql://127.0.0.1:" + lifecycle.localPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version(), current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 15").contains("TuskDB");
            assertThat(rs.getString(2)).isEqualTo("postgres");
        }
    }
}
