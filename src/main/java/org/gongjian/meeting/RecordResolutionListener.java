package org.gongjian.meeting;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * One resolution of the minutes: what must be done, its owner (the community or a member unit, from the
 * meeting's record), its deadline and how it will be verified. The next resolution's form starts empty.
 */
@Component("recordResolutionListener")
class RecordResolutionListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final MeetingFigures figures;
    private final MeetingCalendar calendar;
    private final EngineClock clock;

    RecordResolutionListener(JointMeetings meetings, MeetingFigures figures, MeetingCalendar calendar, EngineClock clock) {
        this.meetings = meetings;
        this.figures = figures;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        FormFields form = FormFields.of(execution);
        String what = form.text(RESOLUTION_WHAT, "决议内容", true, 1000);
        String ownerKey = form.text(RESOLUTION_OWNER, "责任方", true, 100);
        JointMeetings.Member owner = meetings.member(id, ownerKey)
                .filter(m -> !"RESIDENTS".equals(m.kind()))
                .orElseThrow(() -> FormFields.invalid(RESOLUTION_OWNER, "责任方 '" + ownerKey
                        + "' 不是本次会议的社区或成员单位 (the owner must be the community or a member unit)"));
        LocalDate deadline = form.date(RESOLUTION_DEADLINE, "完成期限");
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        if (deadline.isBefore(today)) {
            throw FormFields.invalid(RESOLUTION_DEADLINE, "完成期限 " + deadline + " 已经过去 (the deadline is in the past)");
        }
        String verification = form.text(RESOLUTION_VERIFICATION, "验收方式", true, 500);
        long resolution = meetings.resolve(id, (String) execution.getVariable(COMMUNITY_ID), what, owner.kind(), owner.partyId(),
                owner.name(), deadline, verification, submitter(execution), clock.instant());
        figures.refreshResolution(resolution);
        for (String field : new String[] {RESOLUTION_WHAT, RESOLUTION_OWNER, RESOLUTION_DEADLINE, RESOLUTION_VERIFICATION}) {
            execution.removeVariable(field);
        }
    }
}
