package org.gongjian.review;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.review.WriteSelfReportListener.reviewId;

/**
 * An objection upheld during the notice: the figures are counted again from the record, which may have been put right
 * since, and the result goes back to the community secretary with the street committee's answers at the top of the
 * task. Approved again, it goes on notice again for the full window.
 */
@Component("reopenReviewDelegate")
class ReopenReviewDelegate implements JavaDelegate {

    private final Reviews reviews;
    private final ReviewObjections objections;
    private final ScoreUnitDelegate scoring;

    ReopenReviewDelegate(Reviews reviews, ReviewObjections objections, ScoreUnitDelegate scoring) {
        this.reviews = reviews;
        this.objections = objections;
        this.scoring = scoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Reviews.Review review = reviews.get(reviewId(execution));
        String answers = objections.upheldSince(review.id(), review.noticeFrom()).stream()
                .map(ReviewObjections.Objection::answer).collect(Collectors.joining("；"));
        scoring.scoreFromRecord(review);
        reviews.reopened(review.id(), "公示期间异议成立，请重新评价 (an objection was upheld during the notice)：" + answers);
    }
}
