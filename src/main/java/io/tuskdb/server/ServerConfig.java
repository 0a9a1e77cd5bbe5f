package io.tuskdb.server;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.List;

/**
 * The postmaster's configuration (postgresql.conf's connection settings and pg_hba.conf).
 *
 * @param listenAddresses      "*" for all interfaces, "localhost", or IP addresses
 * @param port                 the TCP port; 0 picks a free one (tests)
 * @param maxConnections       sessions beyond this get FATAL 53300
 * @param hbaRules             client authentication rules, first match wins
 * @param sslContext           server TLS context, or null to answer SSLRequest with 'N'
 * @param smartShutdownTimeout how long a smart shutdown waits for sessions before it turns fast
 */
public record ServerConfig(List<String> listenAddresses, int port, int maxConnections, List<HbaRule> hbaRules,
                           SSLContext sslContext, Duration smartShutdownTimeout) {
    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max_connections must be at least 1");
        }
        listenAddresses = List.copyOf(listenAddresses);
        hbaRules = List.copyOf(hbaRules);
        if (smartShutdownTimeout == null) {
            smartShutdownTimeout = Duration.ofSeconds(30);
        }
    }
}
