package org.gongjian.commitment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/** Checks the quarter's project list: at least one project, at most {@value CommitmentProcess#MAX_PROJECTS}, each named. */
@Component("prepareProjectsListener")
class PrepareProjectsListener extends SubmittedFormListener {

    @Override
    protected void submitted(DelegateExecution execution) {
        ArrayNode projects = FormFields.of(execution).lines(PROJECTS_TEXT, "本季度项目", true, "title", "description");
        if (projects.size() > MAX_PROJECTS) {
            throw FormFields.invalid(PROJECTS_TEXT, "本季度项目最多 " + MAX_PROJECTS + " 项，收到 " + projects.size()
                    + " 项 (at most " + MAX_PROJECTS + " projects)");
        }
        for (int i = 0; i < projects.size(); i++) {
            FormFields.itemText(projects.get(i), PROJECTS_TEXT, i, "title", "项目名称", true, 100);
            FormFields.itemText(projects.get(i), PROJECTS_TEXT, i, "description", "说明", false, 1000);
        }
        execution.setVariable(PROJECTS, FormFields.spin(projects));
    }
}
