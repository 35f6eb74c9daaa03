package org.gongjian.review;

import java.math.BigDecimal;
import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/**
 * The community secretary's score on the same scale as the computed one; a difference beyond the configured margin
 * must be explained, so that a friendly assessment of a unit whose record says otherwise is seen for what it is.
 */
@Component("assessUnitListener")
class AssessUnitListener extends SubmittedFormListener {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Reviews reviews;
    private final ReviewSettings settings;
    private final Clock clock;

    AssessUnitListener(Reviews reviews, ReviewSettings settings, Clock clock) {
        this.reviews = reviews;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        BigDecimal score = form.number(ASSESSED_SCORE, "社区评价分", BigDecimal.ZERO);
        if (score.compareTo(HUNDRED) > 0) {
            throw FormFields.invalid(ASSESSED_SCORE, "社区评价分不能超过 100 (at most 100)");
        }
        if (score.stripTrailingZeros().scale() > 1) {
            throw FormFields.invalid(ASSESSED_SCORE, "社区评价分最多一位小数 (at most one decimal)");
        }
        String reason = form.text(ASSESSMENT_REASON, "评价理由", false, 2000);
        Reviews.Review review = reviews.get(reviewId(execution));
        BigDecimal difference = score.subtract(review.computedScore()).abs();
        if (difference.compareTo(settings.assessmentMargin()) > 0 && reason.isEmpty()) {
            throw FormFields.invalid(ASSESSMENT_REASON, "评价分与计算分 " + review.computedScore().toPlainString()
                    + " 相差 " + difference.toPlainString() + " 分，超过 " + settings.assessmentMargin().toPlainString()
                    + " 分，必须写明理由 (a score this far from the computed one needs a reason)");
        }
        reviews.assessed(review.id(), score, reason.isEmpty() ? null : reason, submitter(execution), clock.instant());
    }
}
