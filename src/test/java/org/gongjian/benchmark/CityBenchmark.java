package org.gongjian.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.TestClock;
import org.gongjian.agreement.AgreementProcess;

/**
 * Gongjian against the database's own limit and against Camunda's stock settings, measured in one run
 * on one machine: pgbench's transactions per second at 1 and 4 clients; task completions per second at
 * 1 and 4 threads through the Java API and through /engine-rest, each as a ratio to pgbench at the same
 * client count; and a quarter start of a city's agreements with the stock job executor and with the one
 * Gongjian ships, as a ratio; then the lists people open at the size the quarter starts left ({@link ListsAtSize}),
 * each filter with Gongjian's and the engine's check of a person's groups. Prints one JSON object per measurement, then a line beginning
 * {@code benchmark:} with the ratios; the same lines go to a results file.
 */
final class CityBenchmark {

    /** How long and how much: pgbench's seconds per run, the drafts completed per measurement, the agreements
     *  at the quarter start and the requests per list. */
    record Size(String name, int pgbenchSeconds, int pgbenchScale, int completions, int agreements, int listRequests) {
        static final Size SMOKE = new Size("smoke", 2, 1, 10, 10, 5);
        static final Size QUICK = new Size("quick", 10, 10, 200, 1000, 50);
        static final Size FULL = new Size("full", 30, 10, 600, 100_000, 100);

        static Size named(String name) {
            return switch (name) {
                case "smoke" -> SMOKE;
                case "quick" -> QUICK;
                case "full" -> FULL;
                default -> throw new IllegalArgumentException("gongjian.benchmark.size must be smoke, quick or full, not " + name);
            };
        }

        /** The same size with another number of agreements at the quarter start (a step between quick and full). */
        Size withAgreements(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("gongjian.benchmark.agreements must be at least 1, not " + count);
            }
            return new Size(name + "-" + count, pgbenchSeconds, pgbenchScale, completions, count, listRequests);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CLIENTS = {1, 4};
    /** Quarter starts up to this many agreements run twice with each setting. */
    static final int REPEATED_UP_TO = 10_000;

    private final Pgbench pgbench;
    private final ProcessEngine engine;
    private final TaskCompletions completions;
    private final QuarterStart quarterStart;
    private final ListsAtSize lists;
    private final QuarterStart.Settings shipped;
    private final LocalDate today;
    private final PrintStream out;
    private final Path results;
    private final Map<String, Double> figures = new LinkedHashMap<>();

    CityBenchmark(Pgbench pgbench, ProcessEngine engine, String restBase, QuarterStart quarterStart, ListsAtSize lists,
                  QuarterStart.Settings shipped, LocalDate today, PrintStream out, Path results) {
        this.engine = engine;
        this.lists = lists;
        this.pgbench = pgbench;
        this.completions = new TaskCompletions(engine, restBase, today);
        this.quarterStart = quarterStart;
        this.shipped = shipped;
        this.today = today;
        this.out = out;
        this.results = results;
    }

    /** Runs every measurement and returns the figures by name (tps and completions per second) and ratios. */
    Map<String, Double> run(Size size) throws Exception {
        return run(size, true);
    }

    /** The same, with the quarter start under Gongjian's settings alone when {@code stockToo} is false: a city's
     *  100,000 agreements take one setting's set-up and quarter start each, and the ratio comes from a smaller run. */
    Map<String, Double> run(Size size, boolean stockToo) throws Exception {
        Files.createDirectories(results.getParent());
        Files.deleteIfExists(results);
        pgbench.initialise(size.pgbenchScale());
        for (int clients : CLIENTS) {
            double tps = pgbench.tps(clients, size.pgbenchSeconds());
            record("pgbench-c" + clients, tps, "measurement", "pgbench", "clients", clients,
                    "seconds", size.pgbenchSeconds(), "scale", size.pgbenchScale(), "tps", round(tps));
        }
        for (String api : List.of("java", "rest")) {
            for (int threads : CLIENTS) {
                List<ProcessInstance> drafts = completions.drafts(size.completions(), 4);
                double perSecond = "java".equals(api) ? completions.throughJavaApi(drafts, threads)
                        : completions.throughRest(drafts, threads);
                long laddered = completions.answeredWithLadder(drafts);
                if (laddered != drafts.size()) {
                    throw new IllegalStateException(api + " at " + threads + " threads: only " + laddered + " of "
                            + drafts.size() + " completions led to the next task with its due date and three timers");
                }
                completions.remove(drafts);
                String name = "completions-" + api + "-t" + threads;
                record(name, perSecond, "measurement", "task-completions", "api", api, "threads", threads,
                        "tasks", drafts.size(), "perSecond", round(perSecond),
                        "ofPgbench", round(perSecond / figures.get("pgbench-c" + threads)));
            }
        }
        // the quarter start with the stock job executor and with Gongjian's, each run with agreements of its own
        LocalDate quarter = QuarterStart.nextQuarter(today);
        String quarterName = QuarterStart.quarterName(quarter);
        Instant firstSecond = quarter.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusSeconds(1).toInstant();
        // stock, Gongjian's, Gongjian's, stock: what the database's growth and the JIT's warming give the later
        // runs is shared out evenly; a city-sized run is too long to repeat, and runs each once
        List<QuarterStart.Settings> order = !stockToo ? List.of(shipped)
                : size.agreements() <= REPEATED_UP_TO
                ? List.of(QuarterStart.Settings.stock(), shipped, shipped, QuarterStart.Settings.stock())
                : List.of(QuarterStart.Settings.stock(), shipped);
        Map<String, double[]> started = new LinkedHashMap<>();
        String lastAgreement = null;
        for (QuarterStart.Settings settings : order) {
            TestClock.at(today.atStartOfDay(ZoneId.of("Asia/Shanghai")).plusHours(9).toInstant());
            List<String> agreements = quarterStart.agreementsInForce(
                    "b" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + settings.name().charAt(0), size.agreements(), quarter);
            QuarterStart.Result result = quarterStart.run(agreements, settings, firstSecond, quarterName);
            lastAgreement = agreements.get(agreements.size() - 1);
            if (result.cycles() != result.agreements() || result.startJobsRun() != result.agreements()
                    || result.incidents() != 0 || result.failedJobs() != 0) {
                throw new IllegalStateException("the quarter start with " + settings.name() + " settings did not give each of "
                        + result.agreements() + " agreements exactly one cycle: " + result);
            }
            double rate = result.agreements() / result.secondsToDrained();
            double[] sum = started.computeIfAbsent(settings.name(), name -> new double[2]);
            sum[0] += result.agreements();
            sum[1] += result.secondsToDrained();
            print(JSON.writeValueAsString(measurement("measurement", "quarter-start", "settings", settings.name(),
                    "agreements", result.agreements(), "secondsToFirstTasks", round(result.secondsToFirstTasks()),
                    "secondsToDrained", round(result.secondsToDrained()), "agreementsPerSecond", round(rate),
                    "peakHeapMb", result.peakHeapMb(), "cycles", result.cycles(), "startJobsRun", result.startJobsRun(),
                    "failedJobs", result.failedJobs(), "incidents", result.incidents(), "jobExecutor", settings.toString())));
        }
        started.forEach((name, sum) -> figures.put("quarter-start-" + name, sum[0] / sum[1]));

        // the lists people open, in the world the quarter starts left, a month on: the first tasks are overdue
        TestClock.at(firstSecond.plus(Duration.ofDays(30)));
        long openTasks = engine.getTaskService().createTaskQuery().count();
        long timers = engine.getManagementService().createJobQuery().timers().count();
        String community = (String) engine.getRuntimeService().getVariable(lastAgreement, AgreementProcess.COMMUNITY_ID);
        String unit = (String) engine.getRuntimeService().getVariable(lastAgreement, AgreementProcess.UNIT_ID);
        ListsAtSize.Timing slowestFilter = null;
        ListsAtSize.Listing slowestListing = null;
        double ownP50 = 0;
        double engineP50 = 0;
        for (ListsAtSize.Listing listing : lists.of(community, unit)) {
            ListsAtSize.Timing timing = lists.time(listing, size.listRequests());
            figures.put("list-" + listing.name() + "-p50", timing.p50Millis());
            figures.put("list-" + listing.name() + "-p95", timing.p95Millis());
            printList(listing, timing, "gongjian", openTasks, timers);
            if (listing.withTheEnginesNarrowing()) {
                // the same filter with the engine's narrowing of the person's groups (AuthorizationCheckGroups)
                ListsAtSize.Timing engines = lists.timeWithTheEnginesGroupNarrowing(listing, size.listRequests());
                printList(listing, engines, "engine", openTasks, timers);
                ownP50 += timing.p50Millis();
                engineP50 += engines.p50Millis();
            }
            boolean shipped = listing.filterKey() != null && !ListsAtSize.OVERDUE_AS_ONE.equals(listing.filterKey());
            if (shipped && (slowestFilter == null || timing.p95Millis() > slowestFilter.p95Millis())) {
                slowestFilter = timing;
                slowestListing = listing;
            }
        }
        figures.put("filters-engine/gongjian-p50", engineP50 / ownP50);
        // a person's overdue tasks in one filter as before, against the two filters that show them now, both opened
        for (String who : List.of("staff", "street-committee")) {
            figures.put("overdue-as-one/two-filters-p50-" + who, figures.get("list-filter-overdue-as-one-" + who + "-p50")
                    / (figures.get("list-filter-my-overdue-" + who + "-p50") + figures.get("list-filter-overdue-" + who + "-p50")));
        }
        List<Map<String, Object>> plans = lists.plans(slowestListing);
        print(JSON.writeValueAsString(measurement("measurement", "query-plans", "list", slowestListing.name(),
                "statements", plans.stream().map(p -> p.get("statement") + " " + p.get("millis") + " ms").toList(),
                "slowest", plans.isEmpty() ? Map.of() : plans.get(0))));

        StringBuilder line = new StringBuilder("benchmark: size=" + size.name());
        for (String api : List.of("java", "rest")) {
            for (int threads : CLIENTS) {
                String ratio = api + "-t" + threads + "/pgbench-c" + threads;
                double value = figures.get("completions-" + api + "-t" + threads) / figures.get("pgbench-c" + threads);
                figures.put(ratio, value);
                line.append(' ').append(ratio).append('=').append(String.format(Locale.ROOT, "%.3f", value));
            }
        }
        double scaling = figures.get("completions-java-t4") / figures.get("completions-java-t1");
        figures.put("java-t4/java-t1", scaling);
        line.append(" java-t4/java-t1=").append(String.format(Locale.ROOT, "%.2f", scaling));
        if (stockToo) {
            double tuned = figures.get("quarter-start-" + shipped.name()) / figures.get("quarter-start-stock");
            figures.put("quarter-start-" + shipped.name() + "/stock", tuned);
            line.append(" quarter-start-").append(shipped.name()).append("/stock=").append(String.format(Locale.ROOT, "%.2f", tuned));
        } else {
            line.append(" quarter-start-").append(shipped.name()).append("/stock=not-run");
        }
        line.append(" filters-engine/gongjian-p50=").append(String.format(Locale.ROOT, "%.2f", figures.get("filters-engine/gongjian-p50")));
        for (String who : List.of("staff", "street-committee")) {
            String ratio = "overdue-as-one/two-filters-p50-" + who;
            line.append(' ').append(ratio).append('=').append(String.format(Locale.ROOT, "%.2f", figures.get(ratio)));
        }
        print(line.toString());
        return figures;
    }

    private void printList(ListsAtSize.Listing listing, ListsAtSize.Timing timing, String groups, long openTasks, long timers)
            throws JsonProcessingException {
        Map<String, Object> list = measurement("measurement", "list", "list", listing.name(), "user",
                listing.user() == null ? "(anyone)" : listing.user(), "authorizationGroups", groups, "openTasks", openTasks,
                "timers", timers, "requests", timing.requests(), "p50Millis", timing.p50Millis(), "p95Millis", timing.p95Millis());
        if (listing.filterKey() != null) {
            // the tasks the filter found; a page's rows are not counted
            list.put("rows", timing.rows());
        }
        print(JSON.writeValueAsString(list));
    }

    /** Keeps the figure and prints the measurement, its keys and values in the order given. */
    private void record(String name, double value, Object... keysAndValues) throws JsonProcessingException {
        figures.put(name, value);
        print(JSON.writeValueAsString(measurement(keysAndValues)));
    }

    private static Map<String, Object> measurement(Object... keysAndValues) {
        Map<String, Object> measurement = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            measurement.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return measurement;
    }

    private void print(String line) {
        out.println(line);
        try {
            Files.writeString(results, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
