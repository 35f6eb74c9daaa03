package org.gongjian.review;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;

/**
 * The notice is over and every objection answered: the result becomes final. A quarter's result is its score as
 * computed from the record; a year's combines its quarters with the community's annual assessment
 * ({@code unit-score-annual}). A failing result opens the unit's rectification.
 */
@Component("publishReviewResultDelegate")
class PublishReviewResultDelegate implements JavaDelegate {

    private final Reviews reviews;
    private final UnitScore score;
    private final Rectifications rectifications;
    private final Clock clock;

    PublishReviewResultDelegate(Reviews reviews, UnitScore score, Rectifications rectifications, Clock clock) {
        this.reviews = reviews;
        this.score = score;
        this.rectifications = rectifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Reviews.Review review = reviews.get(((Number) execution.getVariable(REVIEW_ID)).longValue());
        if (review.annual()) {
            UnitScore.Score year = score.annual(reviews.quarterResults(review.unitId(), review.period()),
                    review.assessedScore());
            reviews.finalised(review.id(), year.score(), year.grade(), clock.instant());
        } else {
            reviews.finalised(review.id(), review.computedScore(), review.computedGrade(), clock.instant());
        }
        Reviews.Review result = reviews.get(review.id());
        boolean needed = rectifications.needed(result);
        if (needed) {
            rectifications.open(result.id());
        }
        execution.setVariable(NEEDS_RECTIFICATION, needed);
    }
}
