package org.gongjian.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/** A member's agenda item, recorded for the member the task was for, or the member's word that it has none. */
@Component("proposeAgendaListener")
class ProposeAgendaListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final IdentityService identity;
    private final EngineClock clock;

    ProposeAgendaListener(JointMeetings meetings, IdentityService identity, EngineClock clock) {
        this.meetings = meetings;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        if (form.checked(NO_ITEM)) {
            if (form.checked(MORE_ITEMS)) {
                throw FormFields.invalid(MORE_ITEMS, "勾选了“本方没有议题”，就不能再勾选“还有议题” (no item and another item at once)");
            }
            return;
        }
        String title = form.text(ITEM_TITLE, "议题标题", true, 200);
        String ask = form.text(ITEM_ASK, "请会议商议或解决什么", true, 2000);
        String askedBy = form.text(ASKED_BY, "提出人", false, 100);
        String by = submitter(execution);
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        String member = (String) execution.getVariable(MEMBER);
        meetings.propose(id, member, title, ask, askedBy.isEmpty() ? nameOf(by) : askedBy, by, clock.instant());
        // the member's next item starts on an empty form
        for (String field : new String[] {ITEM_TITLE, ITEM_ASK, ASKED_BY}) {
            execution.setVariable(field, null);
        }
    }

    /** Who asks, when the form leaves it empty: the person who submitted it, by name as the agenda shows people. */
    private String nameOf(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null || user.getFirstName() == null ? userId : user.getFirstName();
    }
}
