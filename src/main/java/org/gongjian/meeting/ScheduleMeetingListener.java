package org.gongjian.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.agreement.Agreements;
import org.gongjian.identity.Directory;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The secretary sets the meeting's date, time and place. The record then fixes when the agenda closes and
 * the notice goes out, and who the members are: the community, each unit with an agreement in force in it
 * now, and the residents' representatives.
 */
@Component("scheduleMeetingListener")
class ScheduleMeetingListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final MeetingCalendar calendar;
    private final MeetingTexts texts;
    private final Agreements agreements;
    private final Directory directory;
    private final EngineClock clock;

    ScheduleMeetingListener(JointMeetings meetings, MeetingCalendar calendar, MeetingTexts texts, Agreements agreements,
                            Directory directory, EngineClock clock) {
        this.meetings = meetings;
        this.calendar = calendar;
        this.texts = texts;
        this.agreements = agreements;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        LocalDate day = form.date(MEETING_DATE, "会议日期");
        String timeText = form.text(MEETING_TIME, "开始时间", true, 5);
        LocalTime time;
        try {
            time = LocalTime.parse(timeText);
        } catch (DateTimeParseException e) {
            throw FormFields.invalid(MEETING_TIME, "开始时间 '" + timeText + "' 不是 HH:mm (not a time, expected e.g. 14:30)");
        }
        String place = form.text(PLACE, "会议地点", true, 200);
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        if (!day.isAfter(today)) {
            throw FormFields.invalid(MEETING_DATE, "会议日期 " + day + " 不晚于今天 " + today
                    + " (the meeting must be on a day after today)");
        }
        Instant at = day.atTime(time).atZone(calendar.zone()).toInstant();
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        JointMeetings.Meeting meeting = meetings.find(id).orElseThrow();
        meetings.schedule(id, at, place, at.minus(calendar.beforeMeeting("agenda-closes")),
                at.minus(calendar.beforeMeeting("notice")));
        if (meetings.members(id).isEmpty()) {
            String community = meeting.communityId();
            meetings.addMember(id, "community:" + community, "COMMUNITY", community, meeting.communityName());
            for (String unit : agreements.unitIdsInForce(community)) {
                String name = directory.unit(unit).map(Directory.Unit::name).orElse(unit);
                meetings.addMember(id, "unit:" + unit, "UNIT", unit, name);
            }
            meetings.addMember(id, "residents:" + community, "RESIDENTS", community, meeting.communityName() + "居民代表");
        }
        texts.showMeeting(execution, meetings.find(id).orElseThrow());
    }
}
