package org.gongjian.agreement;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** The street committee files the agreement or sends it back to be drafted again, with a reason. */
@Component("fileAgreementListener")
class FileAgreementListener extends SubmittedFormListener {

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String decision = form.choice(FILING_DECISION, "备案意见", List.of("file", "return"));
        String reason = form.text(FILING_REASON, "退回理由", "return".equals(decision), 2000);
        if ("return".equals(decision)) {
            execution.setVariable(FILING_RETURN_REASON, reason);
        }
    }
}
