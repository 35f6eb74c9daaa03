package org.gongjian.funds;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.system.EngineClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.ForeignVariables.refusedThenValidAccepted;

/** Finance's confirmation takes only its form's fields, and the amount it must match is the recorded request's. */
@GongjianTest
class OnlyFormFieldsReachTheTransferTest {

    static final String FINANCE = "qianli";

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired FundTransfers transfers;
    @Autowired EngineClock clock;

    @Test
    void theConfirmationCannotChangeTheAmountAskedFor() throws Exception {
        String key = "GJ-FV" + System.nanoTime() + "/2027-Q1" + FundTransferProcess.FUNDS_SUFFIX;
        ProcessInstance pi = FundTransferProcessTest.request(engine, key, "7500.00");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        refusedThenValidAccepted(engine, rest, task, FINANCE, confirmation(7500), FundTransferProcess.AMOUNT, 1);
        assertThat(transfers.find(key).orElseThrow().requestedAmount()).isEqualByComparingTo("7500");
    }

    @Test
    void theAmountToMatchIsTheRecordedRequestNotTheVariable() throws Exception {
        String key = "GJ-FR" + System.nanoTime() + "/2027-Q1" + FundTransferProcess.FUNDS_SUFFIX;
        ProcessInstance pi = FundTransferProcessTest.request(engine, key, "7500.00");
        // whatever happens to the variable afterwards (an operator in Cockpit, a bug), the record decides
        engine.getRuntimeService().setVariable(pi.getId(), FundTransferProcess.AMOUNT, 1.0);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();

        var wrong = org.gongjian.ForeignVariables.submit(rest, task, FINANCE, confirmation(1));
        assertThat(wrong.getStatusCode().value()).as(wrong.getBody()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("transferredAmount");
        var right = org.gongjian.ForeignVariables.submit(rest, task, FINANCE, confirmation(7500));
        assertThat(right.getStatusCode().value()).as(right.getBody()).isEqualTo(204);
        FundTransfers.Transfer recorded = transfers.find(key).orElseThrow();
        assertThat(recorded.requestedAmount()).isEqualByComparingTo("7500");
        assertThat(recorded.payerId()).isEqualTo("school");
    }

    private Map<String, Object> confirmation(int amount) {
        return Map.of(FundTransferProcess.VOUCHER_NUMBER, "PZ-" + System.nanoTime(), FundTransferProcess.TRANSFERRED_AMOUNT,
                String.valueOf(amount), FundTransferProcess.TRANSFER_DATE, LocalDate.now(clock).toString());
    }
}
