package org.gongjian.agreement;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** The community secretary accepts the unit's answer or returns it with comments; each round is recorded. */
@Component("reviewAgreementListener")
class ReviewAgreementListener extends SubmittedFormListener {

    private final Agreements agreements;
    private final AgreementResources resources;
    private final Clock clock;

    ReviewAgreementListener(Agreements agreements, AgreementResources resources, Clock clock) {
        this.agreements = agreements;
        this.resources = resources;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String decision = form.choice(REVIEW_DECISION, "审核意见", List.of("accept", "return"));
        String comments = form.text(REVIEW_COMMENTS, "意见", "return".equals(decision), 2000);
        String by = submitter(execution);
        agreements.recordRound(execution.getProcessInstanceId(), resources.json(execution), decision, comments, by,
                clock.instant());
    }
}
