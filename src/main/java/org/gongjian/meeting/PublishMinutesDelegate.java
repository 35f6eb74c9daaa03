package org.gongjian.meeting;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.identity.Groups;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The minutes are out: every resolution starts as its own tracked process for its owner — the unit's liaison,
 * or the community's staff — once, however often this step is retried.
 */
@Component("publishMinutesDelegate")
class PublishMinutesDelegate implements JavaDelegate {

    private final JointMeetings meetings;

    PublishMinutesDelegate(JointMeetings meetings) {
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        for (JointMeetings.Resolution r : meetings.resolutionsOf(id)) {
            if (r.processInstanceId() != null) {
                continue;
            }
            boolean unit = "UNIT".equals(r.ownerKind());
            Map<String, Object> variables = new HashMap<>();
            variables.put(RESOLUTION_ID, r.id());
            variables.put(MEETING_ID, id);
            variables.put(COMMUNITY_ID, r.communityId());
            variables.put(COMMUNITY_NAME, execution.getVariable(COMMUNITY_NAME));
            variables.put(OWNER_GROUP, unit ? Groups.unitLiaison(r.ownerId()) : Groups.communityStaff(r.ownerId()));
            variables.put(OWNER_LEADER_GROUP, unit ? Groups.unitLeader(r.ownerId()) : Groups.communitySecretary(r.ownerId()));
            if (unit) {
                variables.put("unitId", r.ownerId());
                variables.put("unitName", r.ownerName());
            }
            ProcessInstance started = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey(RESOLUTION_KEY, execution.getProcessBusinessKey() + "/R" + r.id(), variables);
            meetings.resolutionStarted(r.id(), started.getId());
        }
        meetings.moveTo(id, "MINUTES_RECORDED");
    }
}
