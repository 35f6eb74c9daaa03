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
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.gongjian.EngineWorld;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.identity.DirectoryImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness in seconds, so that {@code ./mvnw verify} proves it works: pgbench runs on
 * the same PostgreSQL, the completions really lead to the next task with its ladder, and the output
 * is one JSON object per measurement and the {@code benchmark:} line. The figures of a real run are
 * in docs/benchmarks.md; this smoke asserts none of them (the machines here are shared and noisy).
 * It runs in a JVM of its own (the pom's {@code benchmark-smoke} execution), away from the other tests' engines.
 */
@GongjianTest
@ExtendWith(TestClock.class)
@EnabledIf("org.gongjian.TestDatabase#postgres")
class CityBenchmarkSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aSmokeRunMeasuresEveryFigureAndPrintsTheRatios() throws Exception {
        new EngineWorld(engine) { }.endAgreementsInForce(TaskCompletions.UNIT);
        long agreementsBefore = agreements();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CityBenchmark benchmark = new CityBenchmark(new Pgbench(url, BenchmarkDatabase.NAME, user, password), engine,
                "http://localhost:" + port + "/engine-rest", new QuarterStart(engine, jdbc, directoryImport),
                new ListsAtSize(engine, jdbc, "http://localhost:" + port),
                QuarterStart.Settings.shipped("gongjian", camunda.getJobExecution(), engine), LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai")),
                new PrintStream(printed, true, StandardCharsets.UTF_8), Path.of("target/benchmark/smoke.jsonl"));

        Map<String, Double> figures = benchmark.run(CityBenchmark.Size.SMOKE);

        List<String> lines = Arrays.asList(printed.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines).hasSize(27);
        List<JsonNode> measurements = lines.subList(0, 26).stream().map(CityBenchmarkSmokeTest::json).toList();
        assertThat(measurements).extracting(m -> m.path("measurement").asText()).containsExactly("pgbench", "pgbench",
                "task-completions", "task-completions", "task-completions", "task-completions",
                "quarter-start", "quarter-start", "quarter-start", "quarter-start",
                "list", "list", "list", "list", "list", "list", "list", "list", "list", "list", "list", "list", "list", "list", "list",
                "query-plans");
        assertThat(measurements.subList(0, 2)).allSatisfy(m -> assertThat(m.path("tps").asDouble()).isPositive());
        assertThat(measurements.subList(2, 6)).allSatisfy(m -> {
            assertThat(m.path("tasks").asInt()).isEqualTo(CityBenchmark.Size.SMOKE.completions());
            assertThat(m.path("perSecond").asDouble()).isPositive();
        });
        assertThat(measurements.subList(6, 10)).extracting(m -> m.path("settings").asText())
                .as("stock, tuned, tuned, stock: drift shared out evenly").containsExactly("stock", "gongjian", "gongjian", "stock");
        assertThat(measurements.subList(6, 10)).allSatisfy(m -> {
            assertThat(m.path("agreements").asInt()).isEqualTo(CityBenchmark.Size.SMOKE.agreements());
            assertThat(m.path("cycles").asInt()).as("one cycle per agreement").isEqualTo(CityBenchmark.Size.SMOKE.agreements());
            assertThat(m.path("startJobsRun").asInt()).as("one start job run per agreement").isEqualTo(CityBenchmark.Size.SMOKE.agreements());
            assertThat(m.path("secondsToFirstTasks").asDouble()).isPositive()
                    .isLessThanOrEqualTo(m.path("secondsToDrained").asDouble());
            assertThat(m.path("peakHeapMb").asLong()).isPositive();
        });
        List<JsonNode> lists = measurements.subList(10, 25);
        assertThat(lists).extracting(m -> m.path("list").asText() + " " + m.path("authorizationGroups").asText()).containsExactly(
                "filter-my-groups-staff gongjian", "filter-my-groups-staff engine",
                "filter-my-groups-liaison gongjian", "filter-my-groups-liaison engine",
                "filter-my-overdue-staff gongjian", "filter-overdue-staff gongjian", "filter-overdue-as-one-staff gongjian",
                "filter-my-overdue-street-committee gongjian",
                "filter-overdue-street-committee gongjian", "filter-overdue-street-committee engine",
                "filter-overdue-as-one-street-committee gongjian",
                "filter-all-overdue-street-committee gongjian", "filter-all-overdue-street-committee engine",
                "board gongjian", "agreement-list gongjian");
        assertThat(lists).allSatisfy(m -> {
            assertThat(m.path("p50Millis").asDouble()).isPositive().isLessThanOrEqualTo(m.path("p95Millis").asDouble());
            assertThat(m.path("openTasks").asLong()).isGreaterThanOrEqualTo(4L * CityBenchmark.Size.SMOKE.agreements());
        });
        assertThat(lists.get(0).path("rows").asInt()).as("the staff of the last community see its first tasks")
                .isEqualTo(CityBenchmark.Size.SMOKE.agreements());
        assertThat(lists.get(1).path("rows").asInt()).as("the same list whichever way the groups are checked")
                .isEqualTo(CityBenchmark.Size.SMOKE.agreements());
        assertThat(lists.get(2).path("rows").asInt()).as("a liaison has nothing to do before the projects are out").isZero();
        assertThat(lists.get(5).path("rows").asInt()).as("the staff's first tasks are overdue a month on")
                .isEqualTo(CityBenchmark.Size.SMOKE.agreements());
        // no task here is both assigned to the person and offered to the person's groups: the one filter
        // as before found what the two find together
        assertThat(lists.get(6).path("rows").asInt()).isEqualTo(lists.get(4).path("rows").asInt() + lists.get(5).path("rows").asInt());
        assertThat(lists.get(10).path("rows").asInt()).isEqualTo(lists.get(7).path("rows").asInt() + lists.get(8).path("rows").asInt());
        assertThat(lists.get(11).path("rows").asInt()).isEqualTo(lists.get(12).path("rows").asInt()).isPositive();
        assertThat(lists.subList(13, 15)).as("pages, whose rows are not counted").allSatisfy(m -> assertThat(m.has("rows")).isFalse());
        JsonNode plans = measurements.get(25);
        assertThat(plans.path("statements")).isNotEmpty();
        assertThat(plans.path("slowest").path("plan").toString()).contains("Execution Time");
        assertThat(lines.get(26)).startsWith("benchmark: size=smoke java-t1/pgbench-c1=")
                .contains(" java-t4/pgbench-c4=", " rest-t1/pgbench-c1=", " rest-t4/pgbench-c4=", " java-t4/java-t1=",
                        " quarter-start-gongjian/stock=", " filters-engine/gongjian-p50=",
                        " overdue-as-one/two-filters-p50-staff=", " overdue-as-one/two-filters-p50-street-committee=");
        assertThat(figures.get("rest-t4/pgbench-c4"))
                .isEqualTo(figures.get("completions-rest-t4") / figures.get("pgbench-c4"));
        double stockSeconds = measurements.get(6).path("secondsToDrained").asDouble() + measurements.get(9).path("secondsToDrained").asDouble();
        double tunedSeconds = measurements.get(7).path("secondsToDrained").asDouble() + measurements.get(8).path("secondsToDrained").asDouble();
        assertThat(figures.get("quarter-start-gongjian/stock")).as("agreements per second over both runs of each, as a ratio")
                .isCloseTo(stockSeconds / tunedSeconds, org.assertj.core.data.Offset.offset(0.01 * stockSeconds / tunedSeconds));
        assertThat(agreements()).as("the drafts are taken out again; the agreements in force stay")
                .isEqualTo(agreementsBefore + 4L * CityBenchmark.Size.SMOKE.agreements());
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
