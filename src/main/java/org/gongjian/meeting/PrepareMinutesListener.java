package org.gongjian.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The meeting has begun: the minutes' form starts from what the members answered (who said they would come
 * in person, who sends a deputy), the accepted agenda as the outline of the summary, and the possible owners
 * of a resolution: the community and each member unit.
 */
@Component("prepareMinutesListener")
class PrepareMinutesListener implements ExecutionListener {

    private final JointMeetings meetings;
    private final MeetingTexts texts;

    PrepareMinutesListener(JointMeetings meetings, MeetingTexts texts) {
        this.meetings = meetings;
        this.texts = texts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        meetings.moveTo(id, "HELD");
        List<JointMeetings.Member> members = meetings.members(id);
        execution.setVariable(MEMBER_OPTIONS, texts.memberOptions(id));
        execution.setVariable(PRESENT_MEMBERS, FormFields.spinValues(members.stream()
                .filter(m -> "ATTEND".equals(m.answer())).map(JointMeetings.Member::key).toList()));
        execution.setVariable(DEPUTY_MEMBERS, FormFields.spinValues(members.stream()
                .filter(m -> "DEPUTY".equals(m.answer())).map(JointMeetings.Member::key).toList()));
        execution.setVariable(ANSWERS_TEXT, texts.answers(id));
        List<Map<String, String>> owners = new ArrayList<>();
        for (JointMeetings.Member m : members) {
            if (!"RESIDENTS".equals(m.kind())) {
                owners.add(Map.of("label", m.name(), "value", m.key()));
            }
        }
        execution.setVariable(OWNER_OPTIONS, FormFields.spin(owners));
        StringBuilder outline = new StringBuilder();
        int n = 1;
        for (JointMeetings.Item item : meetings.agenda(id)) {
            if (!"DEFERRED".equals(item.decision()) && !"MERGED".equals(item.decision())) {
                outline.append(n++).append(". ").append(item.title()).append("：\n\n");
            }
        }
        execution.setVariable(SUMMARY, outline.toString().strip());
    }
}
