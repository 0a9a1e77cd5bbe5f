package io.tuskdb.config;

import io.tuskdb.catalog.Cluster;
import io.tuskdb.catalog.StoredCluster;
import io.tuskdb.server.HbaRule;
import io.tuskdb.server.Postmaster;
import io.tuskdb.server.ServerConfig;
import io.tuskdb.server.ShutdownMode;
import io.tuskdb.sql.SqlEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.net.ssl.SSLContext;
import java.util.List;
import java.util.Locale;

/**
 * Runs the postmaster as part of the Spring application's lifecycle: on start it opens (or initialises) the data
 * directory and starts listening; on stop (SIGTERM, context close) it shuts the postmaster down in the configured
 * mode and then closes storage cleanly.
 */
public class PostmasterLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PostmasterLifecycle.class);

    private final TuskDbProperties properties;
    private final SSLContext sslContext;
    private volatile Cluster cluster;
    private volatile Postmaster postmaster;

    public PostmasterLifecycle(TuskDbProperties properties, SSLContext sslContext) {
        this.properties = properties;
        this.sslContext = sslContext;
    }

    @Override
    public synchronized void start() {
        if (postmaster != null) {
            return;
        }
        log.info("opening data directory {}", properties.dataDirectory().toAbsolutePath());
        Cluster opened = StoredCluster.open(properties.dataDirectory(), properties.superuser(),
                properties.effectiveSuperuserPassword());
        try {
            List<HbaRule> rules = properties.hba().isEmpty()
                    ? HbaRule.defaults()
                    : properties.hba().stream().map(HbaRule::parse).toList();
            ServerConfig config = new ServerConfig(properties.listenAddresses(), properties.port(),
                    properties.maxConnections(), rules, sslContext, properties.shutdown().smartTimeout());
            Postmaster started = new Postmaster(config, opened, new SqlEngine());
            started.start();
            this.cluster = opened;
            this.postmaster = started;
            log.info("listening on {} port {}{}; database system is ready to accept connections",
                    String.join(",", properties.listenAddresses()), started.localPort(),
                    sslContext == null ? "" : " (TLS available)");
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public synchronized void stop() {
        Postmaster running = postmaster;
        if (running == null) {
            return;
        }
        ShutdownMode mode = ShutdownMode.valueOf(properties.shutdown().mode().toUpperCase(Locale.ROOT));
        log.info("received {} shutdown request", mode.name().toLowerCase(Locale.ROOT));
        try {
            running.shutdown(mode);
        } finally {
            postmaster = null;
            cluster.close();
            cluster = null;
            log.info("database system is shut down");
        }
    }

    @Override
    public boolean isRunning() {
        return postmaster != null;
    }

    /** The port actually bound (useful with tuskdb.port=0). */
    public int localPort() {
        Postmaster running = postmaster;
        return running == null ? -1 : running.localPort();
    }

    public Postmaster postmaster() {
        return postmaster;
    }
}
