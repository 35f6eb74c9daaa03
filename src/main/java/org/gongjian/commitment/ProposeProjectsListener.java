package org.gongjian.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/**
 * When community staff are asked for the quarter's projects: offers the agreement's needs as the
 * project rows, so that an unchanged quarter takes one click.
 */
@Component("proposeProjectsListener")
class ProposeProjectsListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        ArrayNode offered = JsonNodeFactory.instance.arrayNode();
        for (JsonNode need : FormFields.array(execution.getVariable(NEEDS))) {
            String title = need.path("title").asText("").trim();
            if (!title.isEmpty()) {
                offered.addObject().put("title", title).put("description", need.path("description").asText("").trim());
            }
        }
        execution.setVariable(PROJECTS, FormFields.spin(offered));
    }
}
