package org.gongjian.review;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;

/** The liaison's self-report on the period, read beside the figures by everyone who assesses the unit. */
@Component("writeSelfReportListener")
class WriteSelfReportListener extends SubmittedFormListener {

    private final Reviews reviews;
    private final Clock clock;

    WriteSelfReportListener(Reviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        String report = FormFields.of(execution).text(SELF_REPORT, "自评报告", true, 4000);
        reviews.selfReported(reviewId(execution), report, submitter(execution), clock.instant());
    }

    static long reviewId(DelegateExecution execution) {
        return ((Number) execution.getVariable(REVIEW_ID)).longValue();
    }
}
