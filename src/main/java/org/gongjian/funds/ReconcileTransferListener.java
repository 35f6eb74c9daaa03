package org.gongjian.funds;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Finance and the payer settle the difference: the amount that in the end reached the community (zero if
 * nothing did) and a note saying how it was found and what follows.
 */
@Component("reconcileTransferListener")
class ReconcileTransferListener extends SubmittedFormListener {

    private final FundTransfers transfers;
    private final FundsSettings settings;
    private final EngineClock clock;

    ReconcileTransferListener(FundTransfers transfers, FundsSettings settings, EngineClock clock) {
        this.transfers = transfers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        BigDecimal settled = form.money(SETTLED_AMOUNT, "核定到账金额", true, settings.maxAmount());
        String note = form.text(RECONCILIATION_NOTE, "对账说明", true, 1000);
        String key = FundSteps.key(execution);
        if (transfers.reconciliation(key).isPresent()) {
            throw FormFields.invalid(SETTLED_AMOUNT, "这笔经费已经对过账 (already reconciled)");
        }
        String cause = transfers.receipt(key).isPresent() ? OpenReconciliationListener.MISMATCH
                : OpenReconciliationListener.NO_RECEIPT;
        transfers.settle(new FundTransfers.Reconciliation(key, cause, settled, note, submitter(execution),
                clock.instant()));
        execution.setVariable(SETTLED_AMOUNT, settled.toPlainString());
    }
}
