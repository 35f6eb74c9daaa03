package org.gongjian.meeting;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.gongjian.escalation.EscalationLog;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * What the meeting's forms show, written from the record into display variables: the meeting's date and
 * place, the agenda with its carried-over resolutions, the members' answers, a resolution and its history.
 */
@Component
class MeetingTexts {

    private final JointMeetings meetings;
    private final EscalationLog escalations;
    private final DateTimeFormatter time;

    MeetingTexts(JointMeetings meetings, EscalationLog escalations, MeetingCalendar calendar) {
        this.meetings = meetings;
        this.escalations = escalations;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
    }

    ZoneId zone() {
        return time.getZone();
    }

    String format(java.time.Instant at) {
        return at == null ? "" : time.format(at);
    }

    /** "2027-01-20 14:30，社区党群服务中心" */
    void showMeeting(VariableScope scope, JointMeetings.Meeting m) {
        scope.setVariable(MEETING_TEXT, m.meetingAt() == null ? "时间地点待定 (to be set)"
                : format(m.meetingAt()) + "，" + m.place());
    }

    void showAgenda(VariableScope scope, long meetingId) {
        List<JointMeetings.Item> items = meetings.agenda(meetingId);
        StringBuilder text = new StringBuilder();
        List<Map<String, String>> options = new ArrayList<>();
        int n = 1;
        for (JointMeetings.Item item : items) {
            String label = n + ". " + (item.carried() ? "【延续第" + item.carriedCount() + "次】" : "") + item.title();
            text.append(label).append("（").append(item.askedBy()).append("）");
            if (item.decision() != null && !"ACCEPTED".equals(item.decision())) {
                text.append(" — ").append("DEFERRED".equals(item.decision()) ? "暂缓" : "并入其他议题")
                        .append("：").append(item.decisionReason());
            }
            text.append("\n   ").append(item.ask().replace("\n", " ")).append("\n");
            if (item.carried()) {
                meetings.resolution(item.resolutionId()).ifPresent(r -> text.append("   责任方 ").append(r.ownerName())
                        .append("，期限 ").append(r.deadline()).append("，已催办 ").append(escalationsOf(r))
                        .append(" 次，退回 ").append(r.returnedCount()).append(" 次\n"));
            }
            options.add(Map.of("label", label, "value", String.valueOf(item.id())));
            n++;
        }
        scope.setVariable(AGENDA_TEXT, items.isEmpty() ? "（没有议题 no items）" : text.toString().strip());
        scope.setVariable(AGENDA_OPTIONS, FormFields.spin(options));
    }

    /** The reminders and escalations the resolution's owner has had so far, from the escalation log. */
    int escalationsOf(JointMeetings.Resolution r) {
        return r.processInstanceId() == null ? 0 : escalations.forProcess(r.processInstanceId()).size();
    }

    SpinJsonNode memberOptions(long meetingId) {
        return FormFields.spin(meetings.members(meetingId).stream()
                .map(m -> Map.of("label", m.name(), "value", m.key())).toList());
    }

    String answers(long meetingId) {
        StringBuilder text = new StringBuilder();
        for (JointMeetings.Member m : meetings.members(meetingId)) {
            text.append("- ").append(m.name()).append("：");
            if (m.answer() == null) {
                text.append("未回执 no answer");
            } else {
                text.append(switch (m.answer()) {
                    case "ATTEND" -> "出席";
                    case "DEPUTY" -> "委派代表 " + m.deputyName();
                    default -> "缺席（" + m.absenceReason() + "）";
                });
            }
            text.append("\n");
        }
        return text.toString().strip();
    }

    String resolution(JointMeetings.Resolution r) {
        StringBuilder text = new StringBuilder();
        if (r.returnReason() != null && "OPEN".equals(r.state()) && r.returnedCount() > 0) {
            text.append("**已退回 Returned**：").append(r.returnReason()).append("\n\n");
        }
        text.append("- 决议 Resolution：**").append(r.what()).append("**\n")
                .append("- 责任方 Owner：").append(r.ownerName()).append("\n")
                .append("- 完成期限 Deadline：").append(r.deadline()).append("\n")
                .append("- 验收方式 Verification：").append(r.verification()).append("\n")
                .append("- 已列入后续会议议程 Carried over：").append(meetings.carriedCount(r.id())).append(" 次\n")
                .append("- 已催办 Escalations so far：").append(escalationsOf(r)).append(" 次");
        return text.toString();
    }
}
