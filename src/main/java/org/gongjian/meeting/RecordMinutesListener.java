package org.gongjian.meeting;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The minutes: who was there in person, who sent a deputy (the rest were absent), and a summary per agenda
 * item. Minutes without attendance are no minutes. Whoever records them records the resolutions next.
 */
@Component("recordMinutesListener")
class RecordMinutesListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final MeetingFigures figures;
    private final EngineClock clock;

    RecordMinutesListener(JointMeetings meetings, MeetingFigures figures, EngineClock clock) {
        this.meetings = meetings;
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        Set<String> members = new LinkedHashSet<>();
        meetings.members(id).forEach(m -> members.add(m.key()));
        Set<String> present = chosen(execution, PRESENT_MEMBERS, members);
        Set<String> deputies = chosen(execution, DEPUTY_MEMBERS, members);
        if (present.isEmpty() && deputies.isEmpty()) {
            throw FormFields.invalid(PRESENT_MEMBERS, "会议纪要须登记出席情况：至少一个成员出席 (minutes need their attendance)");
        }
        for (String member : present) {
            if (deputies.contains(member)) {
                throw FormFields.invalid(DEPUTY_MEMBERS, member + " 不能既本人出席又委派代表 (present and deputy at once)");
            }
        }
        String summary = FormFields.of(execution).text(SUMMARY, "各议题讨论情况", true, 20000);
        for (String member : members) {
            meetings.attendance(id, member, present.contains(member) ? "PRESENT" : deputies.contains(member) ? "DEPUTY" : "ABSENT");
        }
        String by = submitter(execution);
        meetings.recordMinutes(id, summary, by, clock.instant());
        figures.refreshMeeting(id);
        execution.setVariable(MINUTES_TAKER, by);
    }

    private static Set<String> chosen(DelegateExecution execution, String field, Set<String> members) {
        Set<String> chosen = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode value : FormFields.array(execution.getVariable(field))) {
            if (!members.contains(value.asText())) {
                throw FormFields.invalid(field + "[" + i + "]", "'" + value.asText() + "' 不是本次会议的成员 (not a member of this meeting)");
            }
            chosen.add(value.asText());
            i++;
        }
        return chosen;
    }
}
