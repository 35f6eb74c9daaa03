package org.gongjian.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.OBJECTION_UPHELD;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/**
 * The notice is over and every objection answered (end of {@code publicNotice}): whether the street committee upheld
 * any objection filed during this notice, read from the record.
 */
@Component("closeNoticeListener")
class CloseNoticeListener implements ExecutionListener {

    private final Reviews reviews;
    private final ReviewObjections objections;

    CloseNoticeListener(Reviews reviews, ReviewObjections objections) {
        this.reviews = reviews;
        this.objections = objections;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Reviews.Review review = reviews.get(reviewId(execution));
        execution.setVariable(OBJECTION_UPHELD, !objections.upheldSince(review.id(), review.noticeFrom()).isEmpty());
    }
}
