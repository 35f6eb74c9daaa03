package org.gongjian.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;

/** Shows whoever holds a task of the review what the record says so far, and why it came back if it did. */
@Component("prepareReviewTaskListener")
class PrepareReviewTaskListener implements ExecutionListener {

    private final ReviewTexts texts;

    PrepareReviewTaskListener(ReviewTexts texts) {
        this.texts = texts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long reviewId = ((Number) execution.getVariable(REVIEW_ID)).longValue();
        execution.setVariable(REVIEW_TEXT, texts.forTask(reviewId));
        execution.setVariable(RECTIFICATION_TEXT, texts.rectification(reviewId));
    }
}
