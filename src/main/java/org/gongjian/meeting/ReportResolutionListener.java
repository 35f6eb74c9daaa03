package org.gongjian.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/** The owner reports what was done; the community's secretary confirms it next. */
@Component("reportResolutionListener")
class ReportResolutionListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final EngineClock clock;

    ReportResolutionListener(JointMeetings meetings, EngineClock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        String report = FormFields.of(execution).text(REPORT, "落实情况", true, 2000);
        meetings.reported(((Number) execution.getVariable(RESOLUTION_ID)).longValue(), report, clock.instant());
    }
}
