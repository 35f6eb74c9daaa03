package org.gongjian.meeting;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/** A member answers the notice: attend, send a deputy (named), or absent (with a reason). */
@Component("answerInvitationListener")
class AnswerInvitationListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final EngineClock clock;

    AnswerInvitationListener(JointMeetings meetings, EngineClock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String answer = form.choice(ATTENDANCE_ANSWER, "是否出席", List.of("ATTEND", "DEPUTY", "ABSENT"));
        String deputy = form.text(DEPUTY_NAME, "代表姓名", "DEPUTY".equals(answer), 100);
        String reason = form.text(ABSENCE_REASON, "缺席理由", "ABSENT".equals(answer), 500);
        meetings.answer(((Number) execution.getVariable(MEETING_ID)).longValue(), (String) execution.getVariable(MEMBER),
                answer, "DEPUTY".equals(answer) ? deputy : null, "ABSENT".equals(answer) ? reason : null,
                submitter(execution), clock.instant());
    }
}
