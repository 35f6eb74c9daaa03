package org.gongjian.review;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;
import static org.gongjian.review.WriteSelfReportListener.reviewId;

/** The joint meeting's decision on the result, as the secretary records it: confirmed, or its remarks for the street. */
@Component("confirmAtMeetingListener")
class ConfirmAtMeetingListener extends SubmittedFormListener {

    static final String CONFIRMED = "confirmed";
    static final String REMARKS = "remarks";

    private final Reviews reviews;
    private final Clock clock;

    ConfirmAtMeetingListener(Reviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String decision = form.choice(MEETING_DECISION, "会议决定", List.of(CONFIRMED, REMARKS));
        String note = form.text(MEETING_NOTE, "会议意见", REMARKS.equals(decision), 2000);
        reviews.meetingConfirmed(reviewId(execution), decision, note.isEmpty() ? null : note, submitter(execution),
                clock.instant());
    }
}
