package org.gongjian.commitment;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/** Community staff approve the quarter's commitments, or return them to the liaison with comments. */
@Component("approveCommitmentsListener")
class ApproveCommitmentsListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // the task was cancelled (the quarter ended, an operator stepped in): nothing was submitted
        }
        FormFields form = FormFields.of(execution);
        String decision = form.choice(APPROVAL_DECISION, "审核意见", List.of(APPROVE, RETURN));
        String comments = form.text(APPROVAL_COMMENTS, "退回意见", RETURN.equals(decision), 2000);
        execution.setVariable(APPROVAL_COMMENTS, comments);
    }
}
