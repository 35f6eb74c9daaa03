package org.gongjian.commitment;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/** Community staff approve the quarter's commitments, or return them to the liaison with comments. */
@Component("approveCommitmentsListener")
class ApproveCommitmentsListener extends SubmittedFormListener {

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String decision = form.choice(APPROVAL_DECISION, "审核意见", List.of(APPROVE, RETURN));
        String comments = form.text(APPROVAL_COMMENTS, "退回意见", RETURN.equals(decision), 2000);
        execution.setVariable(APPROVAL_COMMENTS, comments);
    }
}
