package org.gongjian.access;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.access.AccessProcess.*;

/** The street committee approves the request, or refuses it with a reason the department sees. */
@Component("approveAccessListener")
class ApproveAccessListener extends SubmittedFormListener {

    private final AccessRequests requests;
    private final EngineClock clock;

    ApproveAccessListener(AccessRequests requests, EngineClock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        boolean approved = "approve".equals(form.choice(ACCESS_DECISION, "审批意见", List.of("approve", "refuse")));
        String reason = form.text(DECISION_REASON, "不同意的理由", !approved, 500);
        long id = ((Number) execution.getVariable(ACCESS_REQUEST_ID)).longValue();
        if (!"REQUESTED".equals(requests.find(id).orElseThrow().state())) {
            throw FormFields.invalid(ACCESS_DECISION, "这项准入申请已经审批过 (already decided)");
        }
        requests.decide(id, approved, reason.isEmpty() ? null : reason, submitter(execution), clock.instant());
        execution.setVariable(ACCESS_GRANTED, approved);
    }
}
