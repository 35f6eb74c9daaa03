package org.gongjian.funds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Records the executed transfer in the same transaction as finance's confirmation: both stand or
 * neither. A request is paid once: a second confirmation finds the first and records nothing, and two
 * racing each other meet at the table's unique key, where the later one fails and rolls back (its
 * person is told of a conflict, not of an error).
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
        // the parties and the amount as the request recorded them; what finance entered as its form checked it
        FundTransfers.Request request = FundSteps.request(transfers, execution);
        transfers.record(new FundTransfers.Transfer(request.businessKey(), execution.getProcessInstanceId(),
                request.agreementNumber(), request.quarter(), request.communityId(), request.communityName(),
                request.payerId(), request.payerName(), request.amount(),
                new BigDecimal(execution.getVariable(TRANSFERRED_AMOUNT).toString().trim()),
                execution.getVariable(VOUCHER_NUMBER).toString().trim(),
                LocalDate.parse(execution.getVariable(TRANSFER_DATE).toString()),
                (String) execution.getVariable(TRANSFERRED_BY), clock.instant()));
    }
}
