package org.gongjian.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.OBJECTION_ID;
import static org.gongjian.review.ReviewProcess.OBJECTION_TEXT;

/**
 * The answer's form shows what was objected to (start listener of {@code answerObjection}): the objection's text,
 * without the objector's name or phone. Local to the objection's own scope, so that two objections answered side
 * by side each show their own.
 */
@Component("prepareObjectionListener")
class PrepareObjectionListener implements ExecutionListener {

    private final ReviewObjections objections;

    PrepareObjectionListener(ReviewObjections objections) {
        this.objections = objections;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long objectionId = ((Number) execution.getVariable(OBJECTION_ID)).longValue();
        ReviewObjections.Objection objection = objections.find(objectionId)
                .orElseThrow(() -> new IllegalStateException("no objection " + objectionId));
        execution.setVariableLocal(OBJECTION_TEXT, objection.text());
    }
}
