package org.gongjian.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.gongjian.system.Mechanism;
import org.springframework.stereotype.Component;

/**
 * The service-level table {@code bpmn/service-levels.dmn}, read by the process models: when a
 * task falls due, and after how many days each reminder and escalation goes out to whom. The
 * street committee changes deadlines there, not in code.
 */
@Component("serviceLevels")
public class ServiceLevels {

    static final String DECISION = "service-levels";

    private final DecisionService decisions;
    private final Clock clock;

    ServiceLevels(DecisionService decisions, Clock clock) {
        this.decisions = decisions;
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
        return Mechanism.unchecked(() -> evaluate(taskKey));
    }

    private List<Level> evaluate(String taskKey) {
        List<Map<String, Object>> rows = decisions.evaluateDecisionTableByKey(DECISION)
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
