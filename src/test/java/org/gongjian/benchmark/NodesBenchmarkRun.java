package org.gongjian.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.cluster.ClusterNode;
import org.gongjian.identity.DirectoryImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes against one on a quarter start: the packaged jar started as one or as two processes on the
 * benchmark's database (profile {@code postgres,demo}, Gongjian's job executor), the agreements set up
 * beforehand by this JVM, whose own job executor is off. Once the nodes are ready the demo clock is moved
 * to the quarter's first second in the database, as a move on any node is, and every node follows it
 * within 200 ms; timed from that move until every cycle waits at its first task and no due job is left.
 * Rounds of one, two, two and one node, then two nodes of which one is killed with {@code kill -9} when
 * half the cycles have started, and started again. Each round: the CPU time of every node, of PostgreSQL
 * and of this JVM over the round, the jobs each node ran, and from the engine's own job log that every
 * agreement got one cycle and no job succeeded twice.
 *
 * <p>Run only by {@code ./mvnw package -DskipTests} then
 * {@code ./mvnw -Pbenchmark test -Dgongjian.benchmark.test=NodesBenchmarkRun [-Dgongjian.benchmark.agreements=N]};
 * the figures go to the console and to target/benchmark/nodes.jsonl.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class NodesBenchmarkRun {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONGEST_ROUND = Duration.ofMinutes(30);

    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired DirectoryImport directoryImport;
    @Value("${spring.datasource.username}") String user;
    @Value("${spring.datasource.password}") String password;

    private final Path results = Path.of("target/benchmark/nodes.jsonl");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", BenchmarkDatabase::url);
    }

    @Test
    void run() throws Exception {
        int count = Integer.getInteger("gongjian.benchmark.agreements", 3000);
        Path jar = Path.of(System.getProperty("gongjian.cluster.jar", "target/gongjian-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the nodes are the packaged application: run ./mvnw package -DskipTests first (no " + jar + ")");
        }
        Files.createDirectories(results.getParent());
        Files.deleteIfExists(results);
        QuarterStart quarterStart = new QuarterStart(engine, jdbc, directoryImport);
        LocalDate today = LocalDate.ofInstant(TestClock.now(), ZONE);
        LocalDate quarter = QuarterStart.nextQuarter(today);
        Instant firstSecond = quarter.atStartOfDay(ZONE).plusSeconds(1).toInstant();
        List<String> arguments = List.of("--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + BenchmarkDatabase.url(), "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                // a killed node's jobs are taken over after this long; Gongjian's jobs take milliseconds
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--gongjian.demo-clock.follow-interval=200ms", "--spring.main.banner-mode=off");

        Map<Integer, double[]> rates = new LinkedHashMap<>();
        int round = 0;
        for (int nodes : new int[] {1, 2, 2, 1, 2}) {
            boolean kill = ++round == 5;
            TestClock.at(today.atStartOfDay(ZONE).plusHours(9).toInstant());
            List<String> agreements = quarterStart.agreementsInForce(
                    "n" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + round, count, quarter);
            List<String> numbers = quarterStart.numbers(agreements);
            String quarterName = QuarterStart.quarterName(quarter);
            // the nodes start on today's clock, where nothing of the quarter is due yet
            jdbc.update("DELETE FROM demo_clock");
            List<ClusterNode> started = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                ClusterNode node = new ClusterNode("round" + round + "-node-" + (char) ('a' + i), jar, arguments);
                node.start();
                started.add(node);
            }
            try {
                for (ClusterNode node : started) {
                    node.awaitReady(Duration.ofMinutes(6));
                }
                Map<String, Object> measured = quarterStartOn(started, quarterStart, agreements, numbers, quarterName,
                        firstSecond, kill);
                measured.put("nodes", nodes);
                measured.put("round", round);
                if (!kill) {
                    double[] sum = rates.computeIfAbsent(nodes, n -> new double[2]);
                    sum[0] += count;
                    sum[1] += (Double) measured.get("seconds");
                }
                print(JSON.writeValueAsString(measured));
            } finally {
                for (ClusterNode node : started) {
                    node.stop();
                }
            }
        }
        double one = rates.get(1)[0] / rates.get(1)[1];
        double two = rates.get(2)[0] / rates.get(2)[1];
        print(String.format(Locale.ROOT, "benchmark-nodes: agreements=%d one=%.1f/s two=%.1f/s two/one=%.2f", count, one, two, two / one));
    }

    /** Moves the nodes' clock to the quarter's first second and measures until the quarter start is done. */
    private Map<String, Object> quarterStartOn(List<ClusterNode> nodes, QuarterStart quarterStart, List<String> agreements,
                                               List<String> numbers, String quarter, Instant firstSecond, boolean kill)
            throws Exception {
        Map<String, Duration> cpuBefore = cpu(nodes);
        long movedAt = System.currentTimeMillis();
        jdbc.update("INSERT INTO demo_clock (id, offset_millis, moved_at, moved_by) VALUES (1, ?, ?, 'benchmark')",
                firstSecond.toEpochMilli() - movedAt, new Timestamp(movedAt));
        long started = System.nanoTime();
        long poll = Math.max(100, Math.min(2000, numbers.size() / 10));
        long cyclesBefore = quarterStart.cyclesOfTheQuarter(quarter);
        Long lockedAtKill = null;
        Map<String, Duration> cpuAfter = null;
        while (true) {
            long begun = quarterStart.cyclesOfTheQuarter(quarter) - cyclesBefore;
            if (kill && lockedAtKill == null && begun >= numbers.size() / 2) {
                ClusterNode victim = nodes.get(nodes.size() - 1);
                // the job executor locks under an id of its own, not the node's name: the cluster's locked jobs
                lockedAtKill = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL", Long.class);
                victim.kill();
                victim.start();
            }
            // due by the nodes' clock
            long due = quarterStart.dueJobs(firstSecond.plusMillis(System.currentTimeMillis() - movedAt));
            if (begun >= numbers.size() && due == 0 && quarterStart.cyclesAtFirstTask(numbers, quarter) == numbers.size()) {
                cpuAfter = cpu(nodes);
                break;
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(LONGEST_ROUND) > 0) {
                throw new IllegalStateException("the quarter start on " + nodes.size() + " nodes did not finish within " + LONGEST_ROUND
                        + ": " + begun + " of " + numbers.size() + " cycles begun, " + due + " jobs due");
            }
            Thread.sleep(poll);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long cycles = quarterStart.cycles(numbers, quarter);
        long startJobsRun = quarterStart.startJobsRun(agreements);
        long runTwice = quarterStart.jobsRunTwice(agreements);
        long failed = quarterStart.failedJobs(agreements);
        long incidents = quarterStart.incidents(agreements);
        if (cycles != numbers.size() || startJobsRun != numbers.size() || runTwice != 0 || failed != 0 || incidents != 0) {
            throw new IllegalStateException("the quarter start on " + nodes.size() + " nodes" + (kill ? " with a kill" : "")
                    + " did not give each of " + numbers.size() + " agreements exactly one cycle: " + cycles + " cycles, "
                    + startJobsRun + " start jobs run, " + runTwice + " jobs run twice, " + failed + " failed jobs, "
                    + incidents + " incidents");
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("measurement", kill ? "quarter-start-nodes-kill" : "quarter-start-nodes");
        measured.put("agreements", numbers.size());
        measured.put("seconds", Math.round(seconds * 1000) / 1000.0);
        measured.put("agreementsPerSecond", Math.round(numbers.size() / seconds * 10) / 10.0);
        if (!kill) {
            // cores busy on average over the round; a killed node's first life cannot be read after the kill
            Map<String, Double> cores = new LinkedHashMap<>();
            for (String who : cpuAfter.keySet()) {
                cores.put(who, Math.round(cpuAfter.get(who).minus(cpuBefore.getOrDefault(who, Duration.ZERO)).toMillis()
                        / seconds / 10) / 100.0);
            }
            measured.put("cpuCores", cores);
        } else {
            measured.put("jobsLockedAtTheKill", lockedAtKill);
        }
        measured.put("jobsPerNode", jobsPerNode(agreements));
        measured.put("cycles", cycles);
        measured.put("startJobsRun", startJobsRun);
        measured.put("jobsRunTwice", runTwice);
        measured.put("failedJobs", failed);
        measured.put("incidents", incidents);
        return measured;
    }

    /** CPU time so far of each node, of PostgreSQL's processes together and of this JVM. */
    private static Map<String, Duration> cpu(List<ClusterNode> nodes) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        for (ClusterNode node : nodes) {
            cpu.put(node.name(), node.cpu());
        }
        cpu.put("postgres", ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false))
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus));
        cpu.put("harness", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return cpu;
    }

    /** The successful jobs of the agreements' instances by the node that ran them, from the engine's job log. */
    private Map<String, Long> jobsPerNode(List<String> agreements) {
        Map<String, Long> perNode = new LinkedHashMap<>();
        jdbc.query("""
                SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2
                  AND process_instance_id_ IN (SELECT unnest(?::text[])) GROUP BY hostname_ ORDER BY hostname_""",
                row -> {
                    perNode.put(row.getString(1), row.getLong(2));
                }, (Object) agreements.toArray(String[]::new));
        return perNode;
    }

    private void print(String line) {
        System.out.println(line);
        try {
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
