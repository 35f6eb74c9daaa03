package org.gongjian.meeting;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.agreement.AgreementProcess;
import org.gongjian.system.EngineClock;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * At a quarter start, in the job of each agreement whose quarter began, opens the community's joint
 * meeting for the quarter — once per community and quarter, however many of its agreements reach the
 * quarter's start at the same moment or are retried: the first takes the community's lock and records
 * the meeting, the others find it.
 */
@Component("callQuarterlyMeetingDelegate")
class CallQuarterlyMeetingDelegate implements JavaDelegate {

    private final JointMeetings meetings;
    private final EngineClock clock;

    CallQuarterlyMeetingDelegate(JointMeetings meetings, EngineClock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution agreement) {
        // the quarter the agreement's own cycle started; none when its term ended before it
        String quarter = (String) agreement.getVariable(AgreementProcess.LAST_QUARTER_STARTED);
        String community = (String) agreement.getVariable(COMMUNITY_ID);
        if (quarter == null) {
            return;
        }
        String key = community + "/" + quarter;
        meetings.lockCommunity(community);
        if (meetings.byBusinessKey(key).isPresent()) {
            return;
        }
        String name = (String) agreement.getVariable(COMMUNITY_NAME);
        long id = meetings.call(key, community, name, quarter, JointMeetings.QUARTERLY, null, clock.instant());
        Map<String, Object> variables = new HashMap<>();
        variables.put(MEETING_ID, id);
        variables.put(COMMUNITY_ID, community);
        variables.put(COMMUNITY_NAME, name);
        variables.put(QUARTER, quarter);
        agreement.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(KEY, key, variables);
    }
}
