package org.gongjian.review;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/** The unit says what it will change and by when: a day after today, within 90 days. */
@Component("planRectificationListener")
class PlanRectificationListener extends SubmittedFormListener {

    static final int MAX_DAYS = 90;

    private final Rectifications rectifications;
    private final Clock clock;

    PlanRectificationListener(Rectifications rectifications, Clock clock) {
        this.rectifications = rectifications;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String plan = form.text(PLAN, "整改措施", true, 4000);
        LocalDate dueOn = form.date(DUE_ON, "整改完成日期");
        LocalDate today = LocalDate.now(clock);
        if (!dueOn.isAfter(today)) {
            throw FormFields.invalid(DUE_ON, "整改完成日期必须在今天之后 (must be after today)");
        }
        if (dueOn.isAfter(today.plusDays(MAX_DAYS))) {
            throw FormFields.invalid(DUE_ON, "整改完成日期不能超过 " + MAX_DAYS + " 天 (within " + MAX_DAYS + " days)");
        }
        rectifications.planned(reviewId(execution), plan, dueOn, submitter(execution), clock.instant());
    }
}
