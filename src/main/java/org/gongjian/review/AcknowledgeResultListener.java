package org.gongjian.review;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.identity.Groups;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/**
 * The unit leader acknowledges the result: only a leader of the unit may. A leader who delegated the task (Camunda's
 * delegate and resolve) still completes it in person; the delegation itself is recorded by the escalation log's
 * recorder and counts in the next review.
 */
@Component("acknowledgeResultListener")
class AcknowledgeResultListener extends SubmittedFormListener {

    private final Reviews reviews;
    private final Clock clock;

    AcknowledgeResultListener(Reviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        if (!FormFields.of(execution).checked(ACKNOWLEDGED)) {
            throw FormFields.invalid(ACKNOWLEDGED, "请确认已阅读考核结果 (tick to acknowledge the result)");
        }
        String who = submitter(execution);
        String leaders = Groups.unitLeader((String) execution.getVariable(UNIT_ID));
        if (execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(who)
                .memberOfGroup(leaders).count() == 0) {
            throw FormFields.invalid(ACKNOWLEDGED, "只有单位书记本人可以签收考核结果 (only the unit's leader may acknowledge)");
        }
        reviews.acknowledged(reviewId(execution), who, clock.instant());
    }
}
