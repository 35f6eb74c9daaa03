package org.gongjian.meeting;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.agreement.AgreementTerm;
import org.gongjian.identity.Directory;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The meeting's start: the quarterly meeting comes recorded already; an extra meeting is called by a member
 * of a community's staff in Tasklist, for the community their group names, with the reason they gave.
 */
@Component("callMeetingListener")
class CallMeetingListener implements ExecutionListener {

    private static final String STAFF = "-staff";

    private final JointMeetings meetings;
    private final IdentityService identity;
    private final Directory directory;
    private final EngineClock clock;

    CallMeetingListener(JointMeetings meetings, IdentityService identity, Directory directory, EngineClock clock) {
        this.meetings = meetings;
        this.identity = identity;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object recorded = execution.getVariable(MEETING_ID);
        long id;
        if (recorded != null) {
            id = ((Number) recorded).longValue();
        } else {
            String starter = (String) execution.getVariable("initiator");
            List<String> communities = starter == null ? List.of() : identity.createGroupQuery().groupMember(starter).list()
                    .stream().map(g -> g.getId())
                    .filter(g -> g.startsWith("community-") && g.endsWith(STAFF))
                    .map(g -> g.substring("community-".length(), g.length() - STAFF.length()))
                    .toList();
            if (communities.size() != 1) {
                throw FormFields.invalid("initiator", "联席会议须由一个社区的党建专干召集，" + starter + " 属于 "
                        + communities.size() + " 个社区 (the caller must be staff of exactly one community)");
            }
            Directory.Community community = directory.community(communities.get(0))
                    .orElseThrow(() -> FormFields.invalid("initiator", "社区 " + communities.get(0) + " 不在名录中"));
            String purpose = FormFields.of(execution).text(PURPOSE, "召集事由", true, 500);
            String quarter = AgreementTerm.quarterOf(LocalDate.now(clock));
            meetings.lockCommunity(community.id());
            String key = community.id() + "/" + quarter + "/" + (meetings.countIn(community.id(), quarter) + 1);
            id = meetings.call(key, community.id(), community.name(), quarter, JointMeetings.EXTRA, purpose, clock.instant());
            execution.setProcessBusinessKey(key);
            execution.setVariable(MEETING_ID, id);
            execution.setVariable(COMMUNITY_ID, community.id());
            execution.setVariable(COMMUNITY_NAME, community.name());
            execution.setVariable(QUARTER, quarter);
        }
        meetings.attach(id, execution.getProcessInstanceId());
    }
}
