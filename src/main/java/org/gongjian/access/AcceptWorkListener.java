package org.gongjian.access;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.access.AccessProcess.*;

/** The community's secretary accepts the work offered to the community, or refuses it with a reason. */
@Component("acceptWorkListener")
class AcceptWorkListener extends SubmittedFormListener {

    private final AccessRequests requests;
    private final EngineClock clock;

    AcceptWorkListener(AccessRequests requests, EngineClock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        boolean accepted = "accept".equals(form.choice(WORK_ANSWER, "答复", List.of("accept", "refuse")));
        String reason = form.text(ANSWER_REASON, "拒绝的理由", !accepted, 500);
        long id = ((Number) execution.getVariable(ACCESS_REQUEST_ID)).longValue();
        String community = (String) execution.getVariable(COMMUNITY_ID);
        if (!requests.answer(id, community, accepted, reason.isEmpty() ? null : reason,
                submitter(execution), clock.instant())) {
            throw FormFields.invalid(WORK_ANSWER, "这个社区已经答复过 (the community has already answered)");
        }
    }
}
