package org.gongjian.commitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.FormRows;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/** Checks the quarter's project list row by row: at least one project, at most {@value CommitmentProcess#MAX_PROJECTS}, each named. */
@Component("prepareProjectsListener")
class PrepareProjectsListener extends SubmittedFormListener {

    @Override
    protected void submitted(DelegateExecution execution) {
        FormRows projects = FormRows.of(execution, PROJECTS, "本季度项目", true, MAX_PROJECTS);
        for (FormRows.Row project : projects) {
            project.text("title", "项目名称", true, 100);
            project.text("description", "说明", false, 1000);
        }
        execution.setVariable(PROJECTS, FormFields.spin(projects.checked()));
    }
}
