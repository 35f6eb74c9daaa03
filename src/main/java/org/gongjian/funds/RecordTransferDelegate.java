package org.gongjian.funds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Records the confirmed transfer in the same transaction as finance's confirmation: both stand
 * or neither. A request is recorded once, whatever runs this step again.
 */
@Component("recordTransferDelegate")
class RecordTransferDelegate implements JavaDelegate {

    private final FundTransfers transfers;
    private final Clock clock;

    RecordTransferDelegate(FundTransfers transfers, Clock clock) {
        this.transfers = transfers;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the parties and the amount asked for as the request recorded them; what finance entered as its form checked it
        FundTransfers.Request request = transfers.request(key(execution)).orElseThrow(() -> new IllegalStateException(
                "no fund request is recorded under " + key(execution)));
        transfers.record(new FundTransfers.Transfer(request.businessKey(), execution.getProcessInstanceId(),
                request.agreementNumber(), request.quarter(), request.communityId(), request.communityName(),
                request.payerId(), request.payerName(), request.amount(), amount(execution, TRANSFERRED_AMOUNT),
                execution.getVariable(VOUCHER_NUMBER).toString().trim(),
                LocalDate.parse(execution.getVariable(TRANSFER_DATE).toString()),
                (String) execution.getVariable(TRANSFERRED_BY), clock.instant()));
    }

    /** The request's business key, or for a request started without one its instance. */
    static String key(DelegateExecution execution) {
        return execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
                : "process:" + execution.getProcessInstanceId();
    }

    private static BigDecimal amount(DelegateExecution execution, String variable) {
        return new BigDecimal(execution.getVariable(variable).toString().trim());
    }
}
