package org.gongjian.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.gongjian.system.Mechanism;
import org.springframework.stereotype.Component;

/**
 * The service-level table {@code bpmn/service-levels.dmn}, read by the process models: when a
 * task falls due, and after how many days each reminder and escalation goes out to whom. The
 * street committee changes deadlines there, not in code.
 *
 * <p>A task's rows are evaluated once per deployed version of the table, not once for its due date
 * and once for each timer: the evaluation (and the decision history it writes) was most of what a
 * task completion cost (docs/benchmarks.md). Each read asks which version is the latest, so a new
 * version applies to the next task on every node.
 */
@Component("serviceLevels")
public class ServiceLevels {

    static final String DECISION = "service-levels";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Clock clock;
    /** The latest version of the table read so far (its decision definition id) and its rows by task. */
    private volatile Evaluated evaluated = new Evaluated("", new ConcurrentHashMap<>());

    private record Evaluated(String version, Map<String, List<Level>> byTask) {}

    ServiceLevels(DecisionService decisions, RepositoryService repository, Clock clock) {
        this.decisions = decisions;
        this.repository = repository;
        this.clock = clock;
    }

    /** One row of the table: a step of a task's ladder. */
    public record Level(String step, int days, String whom) {}

    /** The due date of a task created now. */
    public Date due(String taskKey) {
        return Date.from(now().plus(level(taskKey, "due").days(), ChronoUnit.DAYS));
    }

    /** The ISO-8601 duration after which the step of the task's ladder goes out, for a timer. */
    public String after(String taskKey, String step) {
        return "P" + level(taskKey, step).days() + "D";
    }

    public Level level(String taskKey, String step) {
        return levels(taskKey).stream()
                .filter(l -> l.step().equals(step))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "bpmn/service-levels.dmn has no '" + step + "' row for task '" + taskKey + "'"));
    }

    public List<Level> levels(String taskKey) {
        // the table is the mechanism's, not the person's: whoever completed the previous task needs
        // no right to evaluate decisions for the next task to get its due date
        return Mechanism.unchecked(() -> {
            String version = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                    .latestVersion().singleResult().getId();
            Evaluated table = evaluated;
            if (!table.version().equals(version)) {
                table = new Evaluated(version, new ConcurrentHashMap<>());
                evaluated = table;
            }
            return table.byTask().computeIfAbsent(taskKey, key -> evaluate(version, key));
        });
    }

    private List<Level> evaluate(String version, String taskKey) {
        List<Map<String, Object>> rows = decisions.evaluateDecisionTableById(version)
                .variables(Map.of("taskKey", taskKey))
                .evaluate()
                .getResultList();
        return rows.stream()
                .map(row -> new Level((String) row.get("step"), ((Number) row.get("days")).intValue(),
                        (String) row.get("notify")))
                .toList();
    }

    private Instant now() {
        return clock.instant();
    }
}
