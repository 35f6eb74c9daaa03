package org.gongjian.meeting;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The community's secretary confirms the resolution done — on time when by its deadline's day — or returns
 * it to its owner with a reason, which the owner sees at the top of the task.
 */
@Component("confirmResolutionListener")
class ConfirmResolutionListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final MeetingFigures figures;
    private final MeetingCalendar calendar;
    private final EngineClock clock;

    ConfirmResolutionListener(JointMeetings meetings, MeetingFigures figures, MeetingCalendar calendar, EngineClock clock) {
        this.meetings = meetings;
        this.figures = figures;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        boolean done = "done".equals(form.choice(RESOLUTION_DECISION, "确认意见", List.of("done", "returned")));
        String reason = form.text(RETURN_REASON, "退回理由", !done, 500);
        long id = ((Number) execution.getVariable(RESOLUTION_ID)).longValue();
        if (done) {
            JointMeetings.Resolution r = meetings.resolution(id).orElseThrow();
            // on time when its owner reported it done by the deadline, however long the confirmation took
            LocalDate reported = r.reportedAt().atZone(calendar.zone()).toLocalDate();
            meetings.done(id, clock.instant(), !reported.isAfter(r.deadline()));
        } else {
            meetings.returned(id, reason);
        }
        figures.refreshResolution(id);
        execution.setVariable(RESOLUTION_DONE, done);
    }
}
