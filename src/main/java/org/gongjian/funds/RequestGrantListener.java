package org.gongjian.funds;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * The street committee names the community, the amount and the day the money is due for its grant; the
 * request is recorded then, as the other kinds are at their start.
 */
@Component("requestGrantListener")
class RequestGrantListener extends SubmittedFormListener {

    private final RecordFundRequestListener requests;
    private final FundsSettings settings;
    private final EngineClock clock;

    RequestGrantListener(RecordFundRequestListener requests, FundsSettings settings, EngineClock clock) {
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String community = form.text(COMMUNITY_ID, "收款社区", true, 64);
        var amount = form.money(AMOUNT, "拨付金额", false, settings.maxAmount());
        LocalDate due = form.date(DUE_DATE, "应到账日期");
        if (due.isBefore(LocalDate.now(clock))) {
            throw FormFields.invalid(DUE_DATE, "应到账日期 " + due + " 已经过去 (the due date must not be in the past)");
        }
        requests.record(execution, FundKind.SERVICE_GRANT, community, amount, (String) execution.getVariable(PURPOSE), due);
    }
}
