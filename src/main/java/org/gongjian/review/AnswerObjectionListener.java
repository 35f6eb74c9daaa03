package org.gongjian.review;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.ANSWER;
import static org.gongjian.review.ReviewProcess.OBJECTIONS_OPEN;
import static org.gongjian.review.ReviewProcess.OBJECTION_ID;
import static org.gongjian.review.ReviewProcess.UPHELD;

/**
 * The street committee answers one objection (end listener of {@code answerObjection}): upheld or not, with the
 * reason that the board shows. The review's count of open objections goes down by it.
 */
@Component("answerObjectionListener")
class AnswerObjectionListener extends SubmittedFormListener {

    static final int ANSWER_LENGTH = 2000;

    private final ReviewObjections objections;
    private final Clock clock;

    AnswerObjectionListener(ReviewObjections objections, Clock clock) {
        this.objections = objections;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        Object upheld = execution.getVariable(UPHELD);
        if (upheld != null && !(upheld instanceof Boolean) && !"true".equals(upheld.toString())
                && !"false".equals(upheld.toString())) {
            throw FormFields.invalid(UPHELD, "异议是否成立只能是“是”或“否” (must be true or false)");
        }
        String answer = form.text(ANSWER, "答复", true, ANSWER_LENGTH);
        // the objection this sub-process was started for, on its own scope; the review from the record
        long objectionId = ((Number) execution.getVariable(OBJECTION_ID)).longValue();
        ReviewObjections.Objection objection = objections.find(objectionId)
                .orElseThrow(() -> new IllegalStateException("no objection " + objectionId));
        objections.answer(objectionId, form.checked(UPHELD), answer, submitter(execution), clock.instant());
        execution.getProcessInstance().setVariable(OBJECTIONS_OPEN, objections.unanswered(objection.reviewId()));
    }
}
