package org.gongjian.activity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.escalation.ServiceLevels;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.ACTIVITY_ID;
import static org.gongjian.activity.ActivityProcess.SUBMIT_EVIDENCE;

/** No evidence after the last escalation: the activity is missed, a broken commitment. */
@Component("recordMissedActivityDelegate")
class RecordMissedActivityDelegate implements JavaDelegate {

    private final BrokenCommitment broken;
    private final ServiceLevels serviceLevels;

    RecordMissedActivityDelegate(BrokenCommitment broken, ServiceLevels serviceLevels) {
        this.broken = broken;
        this.serviceLevels = serviceLevels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int days = serviceLevels.level(SUBMIT_EVIDENCE, "missed").days();
        broken.record(((Number) execution.getVariable(ACTIVITY_ID)).longValue(), Activities.MISSED,
                "活动结束 " + days + " 天后仍未提交佐证 (no evidence " + days + " days after the activity)", "process");
    }
}
