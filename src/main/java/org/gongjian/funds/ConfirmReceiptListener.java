package org.gongjian.funds;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * The community's secretary says what arrived and when: nothing (zero) is an answer too. It matches when it
 * is the amount finance paid; anything else goes to finance and the payer to reconcile.
 */
@Component("confirmReceiptListener")
class ConfirmReceiptListener extends SubmittedFormListener {

    private final FundTransfers transfers;
    private final FundsSettings settings;
    private final EngineClock clock;

    ConfirmReceiptListener(FundTransfers transfers, FundsSettings settings, EngineClock clock) {
        this.transfers = transfers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        BigDecimal received = form.money(RECEIVED_AMOUNT, "实际到账金额", true, settings.maxAmount());
        LocalDate on = form.date(RECEIVED_ON, "到账日期");
        String key = FundSteps.key(execution);
        FundTransfers.Transfer paid = transfers.find(key).orElseThrow(() -> new IllegalStateException(
                "no transfer is recorded under " + key + " to confirm"));
        if (on.isAfter(LocalDate.now(clock))) {
            throw FormFields.invalid(RECEIVED_ON, "到账日期 " + on + " 还没有到 (must not be in the future)");
        }
        if (on.isBefore(paid.transferDate())) {
            throw FormFields.invalid(RECEIVED_ON, "到账日期 " + on + " 早于拨付日期 " + paid.transferDate()
                    + " (cannot arrive before it was transferred)");
        }
        if (transfers.receipt(key).isPresent()) {
            throw FormFields.invalid(RECEIVED_AMOUNT, "这笔经费的到账已经确认过 (the receipt is already recorded)");
        }
        boolean matches = received.compareTo(paid.transferredAmount()) == 0;
        transfers.receive(new FundTransfers.Receipt(key, received, on, matches, submitter(execution),
                clock.instant()));
        execution.setVariable(RECEIVED_AMOUNT, received.toPlainString());
        execution.setVariable(RECEIVED_ON, on.toString());
        execution.setVariable(RECEIPT_MATCHES, matches);
    }
}
