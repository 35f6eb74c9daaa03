package org.gongjian.review;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.OBJECTIONS_OPEN;
import static org.gongjian.review.ReviewProcess.REVIEW_ID;

/**
 * The approved result goes on the community's board: the notice opens now and closes at the end of the configured
 * working days after today; nobody has objected yet.
 */
@Component("openPublicNoticeDelegate")
class OpenPublicNoticeDelegate implements JavaDelegate {

    private final ReviewNotices notices;
    private final WorkingDays workingDays;
    private final Clock clock;

    OpenPublicNoticeDelegate(ReviewNotices notices, WorkingDays workingDays, Clock clock) {
        this.notices = notices;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long reviewId = ((Number) execution.getVariable(REVIEW_ID)).longValue();
        Instant now = clock.instant();
        notices.open(reviewId, now, workingDays.noticeUntil(now));
        // on the instance, where every objection's event sub-process counts up and every answer counts down
        execution.getProcessInstance().setVariable(OBJECTIONS_OPEN, 0);
    }
}
