package org.gongjian.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;

import org.gongjian.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A node starting while another holds the startup lock waits for it, and says so when it waits too long. PostgreSQL only. */
class StartupLockTest {

    private final String url = System.getenv().getOrDefault("GONGJIAN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/gongjian_test");
    private final String user = System.getenv().getOrDefault("GONGJIAN_TEST_DB_USER", "gongjian");
    private final String password = System.getenv().getOrDefault("GONGJIAN_TEST_DB_PASSWORD", "gongjian");

    @BeforeEach
    void onPostgres() {
        assumeTrue(TestDatabase.postgres(), "the startup lock is PostgreSQL's");
    }

    @Test
    void aNodeWaitsForTheOneStartingAndTakesTheLockWhenItIsReady() throws Exception {
        StartupLock first = new StartupLock();
        GenericApplicationContext firstContext = context("PT1S");
        first.onApplicationEvent(prepared(firstContext));

        StartupLock second = new StartupLock();
        long started = System.nanoTime();
        assertThatThrownBy(() -> second.onApplicationEvent(prepared(context("PT1S"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Another node has been starting").hasMessageContaining("gongjian.cluster.startup-wait");
        assertThat((System.nanoTime() - started) / 1_000_000).as("it waited the time it was given").isGreaterThanOrEqualTo(1000);

        first.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], firstContext, null));
        StartupLock third = new StartupLock();
        GenericApplicationContext thirdContext = context("PT1S");
        third.onApplicationEvent(prepared(thirdContext));
        assertThat(heldElsewhere()).as("the third node holds it now").isTrue();
        third.onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], thirdContext, null));
        assertThat(heldElsewhere()).as("given back when ready").isFalse();
    }

    /** Whether another session holds the lock: this one cannot take it. */
    private boolean heldElsewhere() throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement take = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            take.setLong(1, StartupLock.KEY);
            try (var result = take.executeQuery()) {
                result.next();
                return !result.getBoolean(1);
            }
        }
    }

    private GenericApplicationContext context(String wait) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "spring.datasource.url", url, "spring.datasource.username", user, "spring.datasource.password", password,
                StartupLock.WAIT_PROPERTY, wait)));
        return context;
    }

    private static ApplicationPreparedEvent prepared(GenericApplicationContext context) {
        return new ApplicationPreparedEvent(new SpringApplication(), new String[0], context);
    }
}
