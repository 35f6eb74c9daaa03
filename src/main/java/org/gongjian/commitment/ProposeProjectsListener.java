package org.gongjian.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/**
 * When community staff are asked for the quarter's projects: offers the agreement's needs, one
 * per line as "need：description", so that an unchanged quarter takes one click.
 */
@Component("proposeProjectsListener")
class ProposeProjectsListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(PROJECTS_TEXT) != null) {
            return; // keep what staff already typed
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode need : FormFields.array(execution.getVariable(NEEDS))) {
            String title = need.path("title").asText("").trim();
            String description = need.path("description").asText("").trim();
            if (title.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(title);
            if (!description.isEmpty()) {
                text.append('：').append(description);
            }
        }
        execution.setVariable(PROJECTS_TEXT, text.toString());
    }
}
