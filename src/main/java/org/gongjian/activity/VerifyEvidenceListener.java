package org.gongjian.activity;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/** Checks the verification: accept, or return with a reason the liaison can act on. */
@Component("verifyEvidenceListener")
class VerifyEvidenceListener extends SubmittedFormListener {

    private final Activities activities;

    VerifyEvidenceListener(Activities activities) {
        this.activities = activities;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String decision = form.choice(VERIFY_DECISION, "核实结果", List.of("accept", "return"));
        String reason = form.text(VERIFY_REASON, "退回理由", "return".equals(decision), 500);
        if ("return".equals(decision)) {
            activities.evidenceReturned(activities.idOf(execution.getProcessBusinessKey()), reason);
        }
    }
}
