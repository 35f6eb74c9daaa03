package org.gongjian.funds;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * The payer approves the request for the amount recorded, or refuses it with a reason that the
 * community and the ledger see.
 */
@Component("approveTransferListener")
class ApproveTransferListener extends SubmittedFormListener {

    static final String APPROVE = "approve";
    static final String REFUSE = "refuse";

    private final FundTransfers transfers;
    private final EngineClock clock;

    ApproveTransferListener(FundTransfers transfers, EngineClock clock) {
        this.transfers = transfers;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        boolean approved = APPROVE.equals(form.choice(APPROVAL, "审批意见", List.of(APPROVE, REFUSE)));
        String reason = form.text(REFUSAL_REASON, "不同意的理由", !approved, 500);
        FundTransfers.Request request = FundSteps.request(transfers, execution);
        if (request.state() != FundTransfers.State.REQUESTED) {
            throw FormFields.invalid(APPROVAL, "这笔拨付申请已经审批过 (already decided: " + request.state() + ")");
        }
        transfers.decide(request.businessKey(), approved, reason, submitter(execution), clock.instant());
        execution.setVariable(APPROVED, approved);
        execution.setVariable(REFUSAL_REASON, approved ? null : reason);
    }
}
