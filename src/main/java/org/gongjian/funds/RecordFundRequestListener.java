package org.gongjian.funds;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Records the request as the process that asked for it made it (the quarterly commitment, from
 * what its staff approved): whoever completes a step later reads the amount and the parties from
 * this record, not from variables.
 */
@Component("recordFundRequestListener")
class RecordFundRequestListener implements ExecutionListener {

    private final FundTransfers transfers;
    private final FundsSettings settings;
    private final EngineClock clock;

    RecordFundRequestListener(FundTransfers transfers, FundsSettings settings, EngineClock clock) {
        this.transfers = transfers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        transfers.request(new FundTransfers.Request(RecordTransferDelegate.key(execution), execution.getProcessInstanceId(),
                text(execution, AGREEMENT_NUMBER), text(execution, QUARTER), required(execution, COMMUNITY_ID),
                required(execution, COMMUNITY_NAME), required(execution, UNIT_ID), required(execution, UNIT_NAME),
                FormFields.money(AMOUNT, "应拨付金额", execution.getVariable(AMOUNT), false, settings.maxAmount()),
                text(execution, PURPOSE), clock.instant()));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString().trim();
    }

    private static String required(DelegateExecution execution, String name) {
        String value = text(execution, name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("a fund transfer needs the variable '" + name + "' when it is requested");
        }
        return value;
    }
}
