package org.gongjian.review;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/** The street committee approves the result for the public notice, or returns it to the community with a reason. */
@Component("approveReviewListener")
class ApproveReviewListener extends SubmittedFormListener {

    private final Reviews reviews;
    private final Clock clock;

    ApproveReviewListener(Reviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        boolean approved = form.checked(APPROVED);
        String reason = form.text(RETURN_REASON, "退回理由", !approved, 2000);
        if (approved) {
            reviews.approved(reviewId(execution), submitter(execution), clock.instant());
        } else {
            reviews.returned(reviewId(execution), reason);
        }
        execution.setVariable(APPROVED, approved);
    }
}
