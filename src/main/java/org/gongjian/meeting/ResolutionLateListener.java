package org.gongjian.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.RESOLUTION_ID;

/**
 * A day past its deadline and still not reported, the resolution counts late in its owner's figures, though nothing
 * else about it has changed: its ladder's first escalation is the moment, drawn in the model.
 */
@Component("resolutionLateListener")
class ResolutionLateListener implements ExecutionListener {

    private final MeetingFigures figures;

    ResolutionLateListener(MeetingFigures figures) {
        this.figures = figures;
    }

    @Override
    public void notify(DelegateExecution execution) {
        figures.refreshResolution(((Number) execution.getVariable(RESOLUTION_ID)).longValue());
    }
}
