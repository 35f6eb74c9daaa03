package org.gongjian.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Nodes of a cluster start one at a time on PostgreSQL. Camunda's {@code schema-update} checks for its
 * tables and creates them without a lock (two nodes on an empty database would both create them, and
 * one would fail), and its admin user, Gongjian's seeds, filters and authorizations are each "create
 * if missing". So a starting node takes a PostgreSQL advisory lock on its own connection before the
 * application context is built (Flyway, the engine's schema, the deployment, the seeds) and gives it
 * back when the node is ready or has failed; a node starting meanwhile waits, then finds everything
 * done. Nothing happens on other databases (H2 is one process's). Registered in
 * {@code META-INF/spring.factories}, as it must run before any bean.
 */
public class StartupLock implements ApplicationListener<SpringApplicationEvent> {

    /** Any number, the same on every node: "gongjian startup" as a key of PostgreSQL's advisory locks. */
    static final long KEY = 0x676f6e676a69616eL;
    static final String WAIT_PROPERTY = "gongjian.cluster.startup-wait";

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private Connection held;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            acquire(prepared.getApplicationContext().getEnvironment());
        } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
            release();
        }
    }

    private void acquire(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            return;
        }
        Duration wait = Binder.get(environment).bind(WAIT_PROPERTY, Duration.class).orElse(Duration.ofMinutes(10));
        Instant deadline = Instant.now().plus(wait);
        try {
            Connection connection = DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
            boolean told = false;
            while (!tryLock(connection)) {
                if (!told) {
                    log.info("Another node is starting on {}: waiting for it to finish (schema, models, seeds go one node at a time)", url);
                    told = true;
                }
                if (Instant.now().isAfter(deadline)) {
                    connection.close();
                    throw new IllegalStateException("Another node has been starting on " + url + " for longer than " + wait
                            + " (" + WAIT_PROPERTY + "); if no node is starting, look for a session holding advisory lock "
                            + KEY + " in pg_locks");
                }
                Thread.sleep(500);
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the startup lock on " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another node's startup", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void release() {
        if (held == null) {
            return;
        }
        // closing the session gives the lock back
        try {
            held.close();
        } catch (SQLException e) {
            log.warn("Closing the startup lock's connection failed (PostgreSQL frees the lock when the session ends): {}", e.getMessage());
        }
        held = null;
    }
}
