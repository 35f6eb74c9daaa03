package org.gongjian.benchmark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.EngineWorld;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The benchmark itself, run only by {@code ./mvnw -Pbenchmark test} (its name is not a test's, so the
 * suite leaves it out): {@code -Dgongjian.benchmark.size=quick} or {@code full} (the default). The
 * figures go to the console and to target/benchmark/results.jsonl.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class CityBenchmarkRun {

    /** pgbench's own database on the same server; .ci/run creates it. */
    static final String PGBENCH_DATABASE = "gongjian_pgbench";

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String user;
    @Value("${spring.datasource.password}") String password;

    @Test
    void run() throws Exception {
        new EngineWorld(engine) { }.endAgreementsInForce(TaskCompletions.UNIT);
        new CityBenchmark(new Pgbench(url, PGBENCH_DATABASE, user, password), engine, "http://localhost:" + port + "/engine-rest",
                LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai")), System.out, Path.of("target/benchmark/results.jsonl"))
                .run(CityBenchmark.Size.named(System.getProperty("gongjian.benchmark.size", "full")));
    }
}
