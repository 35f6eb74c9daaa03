package org.gongjian.funds;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.system.EngineClock;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Opens reconciliation: says why (a receipt that does not match, or none by its due date) and puts in front
 * of finance and the payer the voucher and both amounts, as recorded.
 */
@Component("openReconciliationListener")
class OpenReconciliationListener implements ExecutionListener {

    static final String MISMATCH = "MISMATCH";
    static final String NO_RECEIPT = "NO_RECEIPT";

    private final FundTransfers transfers;
    private final EngineClock clock;

    OpenReconciliationListener(FundTransfers transfers, EngineClock clock) {
        this.transfers = transfers;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String key = FundSteps.key(execution);
        FundTransfers.Transfer paid = transfers.find(key).orElseThrow(() -> new IllegalStateException(
                "no transfer is recorded under " + key + " to reconcile"));
        var receipt = transfers.receipt(key);
        transfers.moveTo(key, FundTransfers.State.RECONCILING, clock.instant());
        execution.setVariable(RECONCILIATION_CAUSE, receipt.isPresent() ? MISMATCH : NO_RECEIPT);
        execution.setVariable(VOUCHER_NUMBER, paid.voucherNumber());
        execution.setVariable(TRANSFERRED_AMOUNT, paid.transferredAmount().toPlainString());
        execution.setVariable(TRANSFER_DATE, paid.transferDate().toString());
        receipt.ifPresent(r -> execution.setVariable(RECEIVED_AMOUNT, r.receivedAmount().toPlainString()));
    }
}
