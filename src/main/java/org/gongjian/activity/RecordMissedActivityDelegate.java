package org.gongjian.activity;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.gongjian.escalation.EscalationLog;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.ServiceLevels;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * The activity is missed, a broken commitment: never published by its committed day, or no
 * evidence after the last escalation.
 */
@Component("recordMissedActivityDelegate")
class RecordMissedActivityDelegate implements JavaDelegate {

    private final BrokenCommitment broken;
    private final Activities activities;
    private final ServiceLevels serviceLevels;
    private final EscalationLog log;
    private final Clock clock;

    RecordMissedActivityDelegate(BrokenCommitment broken, Activities activities, ServiceLevels serviceLevels, EscalationLog log, Clock clock) {
        this.broken = broken;
        this.activities = activities;
        this.serviceLevels = serviceLevels;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = activities.idOf(execution.getProcessBusinessKey());
        boolean unpublished = activities.find(id).map(a -> Activities.PLANNED.equals(a.status())).orElse(false);
        String reason;
        if (unpublished) {
            reason = "承诺的活动到 " + execution.getVariable(DATE) + " 仍未发布 (never published by its day)";
        } else {
            int days = serviceLevels.level(SUBMIT_EVIDENCE, "missed").days();
            reason = "活动结束 " + days + " 天后仍未提交佐证 (no evidence " + days + " days after the activity)";
        }
        String told = broken.record(id, Activities.MISSED, reason, "process");
        // the last rung of the task's ladder, in the escalation log beside the ones before it
        HistoricTaskInstance task = execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(unpublished ? PUBLISH : SUBMIT_EVIDENCE)
                .orderByHistoricActivityInstanceStartTime().desc()
                .listPage(0, 1).get(0);
        log.record(new EscalationLog.Entry(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                execution.getProcessInstanceId(), KEY, execution.getProcessBusinessKey(), (String) execution.getVariable(UNIT_ID),
                "missed", EscalationRecipients.STREET_COMMITTEE, told, task.getStartTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), clock.instant(), null));
    }
}
