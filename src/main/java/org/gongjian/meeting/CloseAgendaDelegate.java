package org.gongjian.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.system.EngineClock;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The agenda closes: every resolution of the community still not done comes onto it, marked carried over and
 * counted, and the secretary gets the whole list to fix.
 */
@Component("closeAgendaDelegate")
class CloseAgendaDelegate implements JavaDelegate {

    private final JointMeetings meetings;
    private final MeetingFigures figures;
    private final MeetingTexts texts;
    private final EngineClock clock;

    CloseAgendaDelegate(JointMeetings meetings, MeetingFigures figures, MeetingTexts texts, EngineClock clock) {
        this.meetings = meetings;
        this.figures = figures;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        meetings.carryOver(id, (String) execution.getVariable(COMMUNITY_ID), clock.instant());
        meetings.agenda(id).stream().filter(JointMeetings.Item::carried)
                .forEach(item -> figures.refreshResolution(item.resolutionId()));
        meetings.moveTo(id, "AGENDA_CLOSED");
        texts.showAgenda(execution, id);
    }
}
