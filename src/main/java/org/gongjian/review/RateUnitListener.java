package org.gongjian.review;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/** One resident representative's rating of the unit, 1 to 5 with a comment, or an abstention. */
@Component("rateUnitListener")
class RateUnitListener extends SubmittedFormListener {

    private final Reviews reviews;
    private final Clock clock;

    RateUnitListener(Reviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        boolean abstain = form.checked(ABSTAIN);
        String comment = form.text(RATING_COMMENT, "评议意见", false, 1000);
        Integer stars = null;
        if (!abstain) {
            stars = form.wholeNumber(STARS, "评分", 1);
            if (stars > 5) {
                throw FormFields.invalid(STARS, "评分只能是 1 到 5 (1 to 5 stars)");
            }
        } else if (execution.getVariable(STARS) != null && !execution.getVariable(STARS).toString().isBlank()) {
            throw FormFields.invalid(STARS, "弃权时不评分 (no stars when abstaining)");
        }
        String representative = (String) execution.getVariable(REPRESENTATIVE);
        reviews.rated(reviewId(execution), representative, stars, comment.isEmpty() ? null : comment, clock.instant());
    }
}
