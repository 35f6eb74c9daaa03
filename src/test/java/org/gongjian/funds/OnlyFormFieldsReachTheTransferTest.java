package org.gongjian.funds;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.ForeignVariables;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.ForeignVariables.refusedThenValidAccepted;
import static org.gongjian.funds.FundTransferProcess.*;
import static org.gongjian.funds.FundWorld.*;

/**
 * Each step of a transfer takes only its form's fields, over REST as Tasklist sends them; the amounts each
 * step checks against are the recorded request's and transfer's, not variables.
 */
@GongjianTest
class OnlyFormFieldsReachTheTransferTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired FundTransfers transfers;

    @Test
    void noStepCanChangeTheAmountOrThePartiesOfTheRequest() throws Exception {
        FundWorld world = new FundWorld(engine);
        String key = newKey();
        ProcessInstance pi = world.instalment(key, "7500.00");
        refusedThenValidAccepted(engine, rest, task(pi), UNIT_LEADER, Map.of(APPROVAL, "approve", REFUSAL_REASON, ""),
                PAYER_GROUP, "finance");
        refusedThenValidAccepted(engine, rest, task(pi), FINANCE, payment("7500"), AMOUNT, "1");
        refusedThenValidAccepted(engine, rest, task(pi), SECRETARY,
                Map.of(RECEIVED_AMOUNT, "7500", RECEIVED_ON, today().toString()), RECEIPT_MATCHES, true);
        assertThat(transfers.find(key).orElseThrow().requestedAmount()).isEqualByComparingTo("7500");
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.CONFIRMED);
    }

    @Test
    void theAmountToMatchIsTheRecordedRequestNotTheVariable() throws Exception {
        FundWorld world = new FundWorld(engine);
        String key = newKey();
        ProcessInstance pi = world.instalment(key, "7500.00");
        world.approve(pi, UNIT_LEADER);
        // whatever happens to the variable afterwards (an operator in Cockpit, a bug), the record decides
        engine.getRuntimeService().setVariable(pi.getId(), AMOUNT, 1.0);

        var wrong = ForeignVariables.submit(rest, task(pi), FINANCE, payment("1"));
        assertThat(wrong.getStatusCode().value()).as(wrong.getBody()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("transferredAmount");
        var right = ForeignVariables.submit(rest, task(pi), FINANCE, payment("7500"));
        assertThat(right.getStatusCode().value()).as(right.getBody()).isEqualTo(204);
        FundTransfers.Transfer recorded = transfers.find(key).orElseThrow();
        assertThat(recorded.requestedAmount()).isEqualByComparingTo("7500");
        assertThat(recorded.payerId()).isEqualTo("school");
    }

    @Test
    void aGrantsCommunityAndAmountComeOnlyFromItsForm() throws Exception {
        FundWorld world = new FundWorld(engine);
        ProcessInstance pi = world.grant("社区微更新");
        refusedThenValidAccepted(engine, rest, task(pi), STREET, Map.of(COMMUNITY_ID, "heping", AMOUNT, "5000",
                DUE_DATE, today().plusDays(5).toString()), KIND, "INSTALMENT");
        assertThat(transfers.request(pi.getBusinessKey()).orElseThrow().kind()).isEqualTo(FundKind.SERVICE_GRANT);
    }

    private Task task(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private static Map<String, Object> payment(String amount) {
        return Map.of(VOUCHER_NUMBER, "PZ-" + System.nanoTime(), TRANSFERRED_AMOUNT, amount,
                TRANSFER_DATE, today().toString());
    }
}
