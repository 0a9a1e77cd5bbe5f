package io.tuskdb.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code tuskdb.*} settings an operator sets in application.yml, the environment ({@code TUSKDB_PORT}) or the
 * command line ({@code --tuskdb.port=5433}), as postgresql.conf and pg_hba.conf do for PostgreSQL.
 *
 * @param port              TCP port (PostgreSQL's {@code port})
 * @param listenAddresses   addresses to listen on; {@code *} for all (PostgreSQL's {@code listen_addresses})
 * @param dataDirectory     the data directory, initialised on first start
 * @param maxConnections    PostgreSQL's {@code max_connections}
 * @param superuser         the superuser role created on first start
 * @param superuserPassword its password on first start; defaults to the {@code POSTGRES_PASSWORD} environment
 *                          variable, as in the official postgres image
 * @param hba               client authentication rules in pg_hba.conf syntax, first match wins; empty means the
 *                          default: trust on loopback, scram-sha-256 for every other address
 * @param ssl               TLS through a Spring Boot SSL bundle
 * @param shutdown          what SIGTERM does
 */
@ConfigurationProperties("tuskdb")
public record TuskDbProperties(
        @DefaultValue("5432") int port,
        @DefaultValue("*") List<String> listenAddresses,
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue("100") int maxConnections,
        @DefaultValue("postgres") String superuser,
        String superuserPassword,
        @DefaultValue List<String> hba,
        @DefaultValue Ssl ssl,
        @DefaultValue Shutdown shutdown) {

    /** @param bundle the name of a {@code spring.ssl.bundle.*} bundle; TLS is offered only when set */
    public record Ssl(String bundle) {
    }

    /**
     * @param mode         smart, fast or immediate (PostgreSQL's pg_ctl stop modes); SIGTERM means fast by default
     * @param smartTimeout how long smart shutdown waits for sessions before acting as fast
     */
    public record Shutdown(@DefaultValue("fast") String mode, @DefaultValue("30s") Duration smartTimeout) {
    }

    /** The password for the superuser on first start: the property, else POSTGRES_PASSWORD, else none. */
    public String effectiveSuperuserPassword() {
        if (superuserPassword != null && !superuserPassword.isEmpty()) {
            return superuserPassword;
        }
        String fromEnvironment = System.getenv("POSTGRES_PASSWORD");
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }
}
