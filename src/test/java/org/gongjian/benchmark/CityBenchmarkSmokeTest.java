package org.gongjian.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.EngineWorld;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness in seconds, so that {@code ./mvnw verify} proves it works: pgbench runs on
 * the same PostgreSQL, the completions really lead to the next task with its ladder, and the output
 * is one JSON object per measurement and the {@code benchmark:} line. The figures of a real run are
 * in docs/benchmarks.md; this smoke asserts none of them (the machines here are shared and noisy).
 */
@GongjianTest
@ExtendWith(TestClock.class)
@EnabledIf("org.gongjian.TestDatabase#postgres")
class CityBenchmarkSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String user;
    @Value("${spring.datasource.password}") String password;

    @Test
    void aSmokeRunMeasuresEveryFigureAndPrintsTheRatios() throws Exception {
        new EngineWorld(engine) { }.endAgreementsInForce(TaskCompletions.UNIT);
        long agreementsBefore = agreements();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CityBenchmark benchmark = new CityBenchmark(new Pgbench(url, CityBenchmarkRun.PGBENCH_DATABASE, user, password), engine,
                "http://localhost:" + port + "/engine-rest", LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai")),
                new PrintStream(printed, true, StandardCharsets.UTF_8), Path.of("target/benchmark/smoke.jsonl"));

        Map<String, Double> figures = benchmark.run(CityBenchmark.Size.SMOKE);

        List<String> lines = Arrays.asList(printed.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).hasSize(7);
        List<JsonNode> measurements = lines.subList(0, 6).stream().map(CityBenchmarkSmokeTest::json).toList();
        assertThat(measurements).extracting(m -> m.path("measurement").asText())
                .containsExactly("pgbench", "pgbench", "task-completions", "task-completions", "task-completions", "task-completions");
        assertThat(measurements.subList(0, 2)).allSatisfy(m -> assertThat(m.path("tps").asDouble()).isPositive());
        assertThat(measurements.subList(2, 6)).allSatisfy(m -> {
            assertThat(m.path("tasks").asInt()).isEqualTo(CityBenchmark.Size.SMOKE.completions());
            assertThat(m.path("perSecond").asDouble()).isPositive();
        });
        assertThat(lines.get(6)).startsWith("benchmark: size=smoke java-t1/pgbench-c1=")
                .contains(" java-t4/pgbench-c4=", " rest-t1/pgbench-c1=", " rest-t4/pgbench-c4=", " java-t4/java-t1=");
        assertThat(figures.get("rest-t4/pgbench-c4"))
                .isEqualTo(figures.get("completions-rest-t4") / figures.get("pgbench-c4"));
        assertThat(agreements()).as("the benchmark's agreements are taken out again").isEqualTo(agreementsBefore);
    }

    private long agreements() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreement").count();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON object: " + line, e);
        }
    }
}
