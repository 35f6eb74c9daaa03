package org.gongjian.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.gongjian.EngineWorld;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.identity.DirectoryImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark itself, run only by {@code ./mvnw -Pbenchmark test} (its name is not a test's, so the
 * suite leaves it out): {@code -Dgongjian.benchmark.size=quick} or {@code full} (the default), and
 * {@code -Dgongjian.benchmark.agreements=N} for a quarter start of another size,
 * {@code -Dgongjian.benchmark.settings=gongjian} for the quarter start with Gongjian's settings alone. The
 * figures go to the console and to target/benchmark/results.jsonl.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class CityBenchmarkRun {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired DirectoryImport directoryImport;
    @Autowired CamundaBpmProperties camunda;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String user;
    @Value("${spring.datasource.password}") String password;

    /** Its own database (pgbench's, fresh from .ci/run): the job executor it runs must meet no other test's jobs. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", BenchmarkDatabase::url);
    }

    @Test
    void run() throws Exception {
        new EngineWorld(engine) { }.endAgreementsInForce(TaskCompletions.UNIT);
        new CityBenchmark(new Pgbench(url, BenchmarkDatabase.NAME, user, password), engine, "http://localhost:" + port + "/engine-rest",
                new QuarterStart(engine, jdbc, directoryImport),
                new ListsAtSize(engine, jdbc, "http://localhost:" + port), QuarterStart.Settings.shipped("gongjian", camunda.getJobExecution(), engine),
                LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai")), System.out, Path.of("target/benchmark/results.jsonl"))
                .run(size(), stockToo());
    }

    private static boolean stockToo() {
        String settings = System.getProperty("gongjian.benchmark.settings", "both");
        return switch (settings) {
            case "both" -> true;
            case "gongjian" -> false;
            default -> throw new IllegalArgumentException("gongjian.benchmark.settings must be both or gongjian, not " + settings);
        };
    }

    private static CityBenchmark.Size size() {
        CityBenchmark.Size size = CityBenchmark.Size.named(System.getProperty("gongjian.benchmark.size", "full"));
        String agreements = System.getProperty("gongjian.benchmark.agreements");
        return agreements == null ? size : size.withAgreements(Integer.parseInt(agreements));
    }
}
