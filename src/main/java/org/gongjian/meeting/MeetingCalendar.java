package org.gongjian.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.gongjian.escalation.ServiceLevels;
import org.gongjian.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The meeting's dates, read by the process model from the record and from {@code bpmn/service-levels.dmn}:
 * the agenda closes and the notice goes out so many days before the meeting, a resolution's reminders
 * count from its deadline. A date already past when its timer is set fires at once, except the reminder
 * of a member's agenda or answer task, which would only repeat the task that was just created.
 */
@Component("meetingCalendar")
public class MeetingCalendar {

    private final JointMeetings meetings;
    private final ServiceLevels serviceLevels;
    private final Clock clock;
    private final ZoneId zone;

    MeetingCalendar(JointMeetings meetings, ServiceLevels serviceLevels, Clock clock,
                    @Value("${gongjian.zone:Asia/Shanghai}") String zone) {
        this.meetings = meetings;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The days before the meeting at which its agenda closes and its notice goes out. */
    Duration beforeMeeting(String step) {
        return Duration.ofDays(serviceLevels.level(MEETING_DATES, step).days());
    }

    public Date meetingAt(long meetingId) {
        return Date.from(meeting(meetingId).meetingAt());
    }

    public Date agendaCloses(long meetingId) {
        return Date.from(meeting(meetingId).agendaClosesAt());
    }

    public Date noticeAt(long meetingId) {
        return Date.from(meeting(meetingId).noticeAt());
    }

    /** The reminder to a member who has not proposed anything, so many days before the agenda closes. */
    public Date agendaReminder(long meetingId) {
        Instant closes = meeting(meetingId).agendaClosesAt();
        return reminder(closes.minus(Duration.ofDays(serviceLevels.level(PROPOSE_AGENDA, "reminder").days())), closes);
    }

    /** The reminder to a member who has not answered the notice, so many days before the meeting. */
    public Date invitationReminder(long meetingId) {
        Instant at = meeting(meetingId).meetingAt();
        return reminder(at.minus(Duration.ofDays(serviceLevels.level(ANSWER_INVITATION, "reminder").days())), at);
    }

    /** A resolution falls due at the end of its deadline's day. */
    public Date resolutionDue(long resolutionId) {
        return Date.from(endOfDeadline(resolutionId));
    }

    /** A rung of the resolution's ladder: so many days after its deadline (before it, when negative). */
    public Date afterDeadline(long resolutionId, String taskKey, String step) {
        Instant due = endOfDeadline(resolutionId);
        // a resolution returned after its reminder's moment is reminded at once: it is late, or nearly
        return Date.from(due.plus(Duration.ofDays(serviceLevels.level(taskKey, step).days())));
    }

    /** The members in the order the meeting lists them: the multi-instance collection. */
    public List<String> memberKeys(long meetingId) {
        return meetings.members(meetingId).stream().map(JointMeetings.Member::key).toList();
    }

    public String memberName(long meetingId, String member) {
        return meetings.member(meetingId, member).map(JointMeetings.Member::name).orElse(member);
    }

    /** Who answers for a member: the community's secretary and staff, a unit's leader and liaison, the residents' representatives. */
    public String groupsOf(long meetingId, String member) {
        JointMeetings.Member m = meetings.member(meetingId, member)
                .orElseThrow(() -> new IllegalStateException("meeting " + meetingId + " has no member " + member));
        return switch (m.kind()) {
            case "COMMUNITY" -> Groups.communitySecretary(m.partyId()) + "," + Groups.communityStaff(m.partyId());
            case "UNIT" -> Groups.unitLeader(m.partyId()) + "," + Groups.unitLiaison(m.partyId());
            default -> Groups.residents(m.partyId());
        };
    }

    private Date reminder(Instant at, Instant due) {
        // past its moment: after the due date instead, where the task is no longer waiting for it
        return Date.from(at.isBefore(clock.instant()) ? due.plus(Duration.ofDays(1)) : at);
    }

    private Instant endOfDeadline(long resolutionId) {
        JointMeetings.Resolution r = meetings.resolution(resolutionId)
                .orElseThrow(() -> new IllegalStateException("no resolution " + resolutionId));
        return r.deadline().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private JointMeetings.Meeting meeting(long meetingId) {
        return meetings.find(meetingId).orElseThrow(() -> new IllegalStateException("no meeting " + meetingId));
    }
}
