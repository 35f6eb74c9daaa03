package org.gongjian.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.MailTemplates;
import org.gongjian.escalation.OutgoingMail;
import org.gongjian.identity.Groups;
import org.gongjian.system.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The notice, so many days before the meeting: its date, place and agenda to every member's people and to
 * the street committee. Recorded in the same transaction: a failing mail server fails the job, which the
 * engine retries, and the notice counts as sent only once it went out.
 */
@Component("sendNoticeDelegate")
class SendNoticeDelegate implements JavaDelegate {

    private final JointMeetings meetings;
    private final MeetingCalendar calendar;
    private final MeetingTexts texts;
    private final EscalationRecipients recipients;
    private final MailTemplates templates;
    private final OutgoingMail mail;
    private final EngineClock clock;
    private final String baseUrl;

    SendNoticeDelegate(JointMeetings meetings, MeetingCalendar calendar, MeetingTexts texts,
                       EscalationRecipients recipients, MailTemplates templates, OutgoingMail mail, EngineClock clock,
                       @Value("${gongjian.base-url}") String baseUrl) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.texts = texts;
        this.recipients = recipients;
        this.templates = templates;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        JointMeetings.Meeting m = meetings.find(id).orElseThrow();
        texts.showAgenda(execution, id);
        Map<String, String> to = new LinkedHashMap<>();
        for (JointMeetings.Member member : meetings.members(id)) {
            for (String group : calendar.groupsOf(id, member.key()).split(",")) {
                to.putAll(recipients.members(group));
            }
        }
        to.putAll(recipients.members(Groups.STREET_COMMITTEE));
        String title = "【联席会议通知】" + m.communityName() + " " + texts.format(m.meetingAt()) + " · Joint meeting";
        List<String> lines = new ArrayList<>();
        lines.add("会议时间 When：" + texts.format(m.meetingAt()));
        lines.add("会议地点 Where：" + m.place());
        lines.add("议程 Agenda：");
        for (String line : ((String) execution.getVariable(AGENDA_TEXT)).split("\n")) {
            lines.add(line);
        }
        lines.add("请在 Tasklist 的“联席会议回执”中答复出席、委派代表或缺席。Please answer in Tasklist: attend, send a deputy, or absent.");
        MailTemplates.Rendered body = templates.render("notice",
                Map.of("title", title, "lines", lines, "link", baseUrl + "/meetings/" + id));
        meetings.noticeSent(id, clock.instant());
        mail.send(new ArrayList<>(to.values()), title, body.text(), body.html());
    }
}
