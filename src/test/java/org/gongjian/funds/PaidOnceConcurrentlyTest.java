package org.gongjian.funds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.ForeignVariables;
import org.gongjian.GongjianTest;
import org.gongjian.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.gongjian.funds.FundTransferProcess.*;
import static org.gongjian.funds.FundWorld.*;

/**
 * Never paid twice, on PostgreSQL: two instances of the same request (as two nodes or a double start could
 * leave them) both at finance's step, both confirmed at the same moment over REST. The test holds the
 * payments table so that both confirmations have checked "not paid yet" and wait to insert; released, one
 * records the payment and the other is told of a conflict.
 */
@GongjianTest
class PaidOnceConcurrentlyTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired FundTransfers transfers;
    @Autowired DataSource dataSource;

    @BeforeEach
    void onPostgres() {
        assumeTrue(TestDatabase.postgres(), "the race is run against PostgreSQL's locks");
    }

    @Test
    void twoConfirmationsOfOneRequestAtTheSameMomentPayItOnce() throws Exception {
        FundWorld world = new FundWorld(engine);
        String key = newKey();
        ProcessInstance first = world.instalment(key, "7500.00");
        world.approve(first, UNIT_LEADER);
        // the same request a second time, put straight at finance's step with what the first one knows:
        // the record says it is approved
        ProcessInstance second = engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey(key)
                .setVariables(engine.getRuntimeService().getVariables(first.getId()))
                .startBeforeActivity(TRANSFER_FUNDS).execute();
        List<Task> payments = List.of(task(first), task(second));

        List<ResponseEntity<String>> answers;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE fund_transfer IN EXCLUSIVE MODE");
            }
            List<CompletableFuture<ResponseEntity<String>>> racing = new ArrayList<>();
            for (Task task : payments) {
                racing.add(CompletableFuture.supplyAsync(() -> submit(task)));
            }
            waitUntilWaiting(holder, 2);
            holder.commit();
            answers = racing.stream().map(CompletableFuture::join).toList();
        }

        assertThat(answers).extracting(a -> a.getStatusCode().value()).containsExactlyInAnyOrder(204, 409);
        ResponseEntity<String> refused = answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow();
        assertThat(refused.getBody()).contains("同时").doesNotContain("SQL", "Exception", "duplicate", "fund_transfer");
        assertThat(transfers.payments(key)).isEqualTo(1);
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.PAID);
    }

    private ResponseEntity<String> submit(Task task) {
        try {
            return ForeignVariables.submit(rest, task, FINANCE, Map.of(VOUCHER_NUMBER, "PZ-" + task.getId(),
                    TRANSFERRED_AMOUNT, "7500.00", TRANSFER_DATE, today().toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until that many other sessions wait for the table the holder locked. */
    private static void waitUntilWaiting(Connection holder, int sessions) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        try (PreparedStatement waiting = holder.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'fund_transfer'::regclass")) {
            while (true) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) >= sessions) {
                        return;
                    }
                }
                if (Instant.now().isAfter(giveUp)) {
                    throw new AssertionError("the two confirmations never both reached the payment");
                }
                Thread.sleep(50);
            }
        }
    }

    private Task task(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }
}
