package org.gongjian.meeting;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What the agreement feature may ask of the joint meeting when a unit's agreement with a community ends: the
 * resolutions that unit still owns there. A meeting is the community's, not the agreement's, so its resolutions run
 * under the meeting's business key and the agreement's own ending, which ends what runs under its number, would miss
 * them; a unit no longer joined with the community cannot be held to them, so they end with its agreement, deleted
 * with the agreement's reason like everything else it ended, and their rows marked ENDED so that the meeting's page
 * and the public board say so. Resolutions the community or other units own keep running.
 *
 * <p>The meetings themselves go on: they are the community's, and the community and its residents still sit in them.
 * A unit's membership is fixed when the secretary schedules a meeting ({@link ScheduleMeetingListener}), so a unit
 * whose agreement ends between then and the meeting keeps its seat and its invitation task, which expires at the
 * meeting as any unanswered invitation does; the next meeting is scheduled without it.
 */
@Component
public class ResolutionsOfEndedAgreement {

    private final JointMeetings meetings;
    private final MeetingFigures figures;

    ResolutionsOfEndedAgreement(JointMeetings meetings, MeetingFigures figures) {
        this.meetings = meetings;
        this.figures = figures;
    }

    /**
     * The running resolution processes the unit owns in the community. Safe to ask again after they were ended: an
     * ended one is no longer found.
     */
    public List<ProcessInstance> runningOwnedBy(ProcessEngineServices engine, String communityId, String unitId) {
        Set<String> ids = meetings.openResolutionProcesses(communityId, unitId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(MeetingProcess.RESOLUTION_KEY).processInstanceIds(ids).list();
    }

    /** Marks the resolutions of these processes ENDED, in the caller's transaction; one done before is left DONE. */
    public void ended(List<ProcessInstance> resolutions) {
        for (ProcessInstance resolution : resolutions) {
            meetings.resolutionEnded(resolution.getId());
            meetings.resolutionOf(resolution.getId()).ifPresent(figures::refreshResolution);
        }
    }
}
