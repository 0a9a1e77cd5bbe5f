package io.tuskdb.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.net.ssl.SSLContext;

/** Wires the postmaster from the {@code tuskdb.*} properties and, when configured, a Spring Boot SSL bundle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TuskDbProperties.class)
class ServerConfiguration {

    @Bean
    PostmasterLifecycle postmasterLifecycle(TuskDbProperties properties, ObjectProvider<SslBundles> sslBundles) {
        SSLContext sslContext = null;
        String bundle = properties.ssl().bundle();
        if (bundle != null && !bundle.isBlank()) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("tuskdb.ssl.bundle is set but no spring.ssl.bundle is configured");
            }
            sslContext = bundles.getBundle(bundle).createSslContext();
        }
        return new PostmasterLifecycle(properties, sslContext);
    }
}
