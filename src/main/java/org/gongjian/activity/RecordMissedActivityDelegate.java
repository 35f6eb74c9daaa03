package org.gongjian.activity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.escalation.ServiceLevels;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.ACTIVITY_ID;
import static org.gongjian.activity.ActivityProcess.DATE;
import static org.gongjian.activity.ActivityProcess.SUBMIT_EVIDENCE;

/**
 * The activity is missed, a broken commitment: never published by its committed day, or no
 * evidence after the last escalation.
 */
@Component("recordMissedActivityDelegate")
class RecordMissedActivityDelegate implements JavaDelegate {

    private final BrokenCommitment broken;
    private final Activities activities;
    private final ServiceLevels serviceLevels;

    RecordMissedActivityDelegate(BrokenCommitment broken, Activities activities, ServiceLevels serviceLevels) {
        this.broken = broken;
        this.activities = activities;
        this.serviceLevels = serviceLevels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(ACTIVITY_ID)).longValue();
        String reason;
        if (activities.find(id).map(a -> Activities.PLANNED.equals(a.status())).orElse(false)) {
            reason = "承诺的活动到 " + execution.getVariable(DATE) + " 仍未发布 (never published by its day)";
        } else {
            int days = serviceLevels.level(SUBMIT_EVIDENCE, "missed").days();
            reason = "活动结束 " + days + " 天后仍未提交佐证 (no evidence " + days + " days after the activity)";
        }
        broken.record(id, Activities.MISSED, reason, "process");
    }
}
