package org.gongjian.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/** Shows the owner and the secretary the resolution as recorded, why it came back if it did, and its history. */
@Component("prepareReportListener")
class PrepareReportListener implements ExecutionListener {

    private final JointMeetings meetings;
    private final MeetingTexts texts;

    PrepareReportListener(JointMeetings meetings, MeetingTexts texts) {
        this.meetings = meetings;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        JointMeetings.Resolution r = meetings.resolution(((Number) execution.getVariable(RESOLUTION_ID)).longValue())
                .orElseThrow();
        execution.setVariable(RESOLUTION_TEXT,
                texts.resolution(r));
    }
}
