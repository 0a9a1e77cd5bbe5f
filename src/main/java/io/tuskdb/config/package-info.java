/**
 * The Spring edge: binds {@code tuskdb.*} configuration, opens the cluster and runs the postmaster as a
 * SmartLifecycle bean. The only package (with the application class) that may import Spring.
 */
package io.tuskdb.config;
