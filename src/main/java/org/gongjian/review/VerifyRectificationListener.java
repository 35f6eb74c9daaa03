package org.gongjian.review;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/** The community secretary verifies the rectification, or returns it to the unit with a reason. */
@Component("verifyRectificationListener")
class VerifyRectificationListener extends SubmittedFormListener {

    private final Rectifications rectifications;
    private final Clock clock;

    VerifyRectificationListener(Rectifications rectifications, Clock clock) {
        this.rectifications = rectifications;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        boolean verified = form.checked(VERIFIED);
        String reason = form.text(VERIFY_REASON, "退回理由", !verified, 2000);
        if (verified) {
            rectifications.verified(reviewId(execution), submitter(execution), clock.instant());
        } else {
            rectifications.returned(reviewId(execution), reason);
        }
        execution.setVariable(VERIFIED, verified);
    }
}
