package org.gongjian.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.RATINGS_COLLECTED;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/**
 * The representatives' round is over (start of {@code ratingsDone}): the review waits for the joint meeting, and a
 * later assessment of the same review, after a return or an upheld objection, does not ask them again.
 */
@Component("closeRatingsListener")
class CloseRatingsListener implements ExecutionListener {

    private final Reviews reviews;

    CloseRatingsListener(Reviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reviews.state(reviewId(execution), "MEETING");
        execution.setVariable(RATINGS_COLLECTED, true);
    }
}
