package org.gongjian.activity;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/** A party cancelled the activity with a reason: a broken commitment, with everyone told. */
@Component("cancelActivityDelegate")
class CancelActivityDelegate implements JavaDelegate {

    private final BrokenCommitment broken;
    private final Activities activities;

    CancelActivityDelegate(BrokenCommitment broken, Activities activities) {
        this.broken = broken;
        this.activities = activities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        broken.record(activities.idOf(execution.getProcessBusinessKey()), Activities.CANCELLED,
                (String) execution.getVariable(CANCEL_REASON), (String) execution.getVariable(CANCELLED_BY));
    }
}
