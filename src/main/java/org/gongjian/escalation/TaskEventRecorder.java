package org.gongjian.escalation;

import java.sql.Timestamp;
import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Listens to every user task of every process (Camunda's Spring eventing): marks the task done
 * in the escalation log when it is completed, and records each delegation, which counts in the
 * review.
 */
@Component
class TaskEventRecorder {

    private final EscalationLog log;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TaskEventRecorder(EscalationLog log, JdbcTemplate jdbc, Clock clock) {
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void completed(DelegateTask task) {
        log.taskDone(task.getId(), clock.instant());
    }

    @EventListener(condition = "#task.eventName == 'assignment'")
    public void assigned(DelegateTask task) {
        // Camunda's delegation keeps the delegating person as the task's owner
        if (task.getOwner() != null && task.getAssignee() != null && !task.getAssignee().equals(task.getOwner())) {
            jdbc.update("""
                    INSERT INTO task_delegation (task_id, process_instance_id, task_key, owner_id, delegate_id, delegated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getOwner(),
                    task.getAssignee(), Timestamp.from(clock.instant()));
        }
    }
}
