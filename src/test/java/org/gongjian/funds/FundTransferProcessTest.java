package org.gongjian.funds;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.escalation.EscalationLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.gongjian.Mails.onlyMail;
import static org.gongjian.Mails.plainText;
import static org.gongjian.Mails.to;
import static org.gongjian.funds.FundTransferProcess.*;
import static org.gongjian.funds.FundWorld.*;

/**
 * Each kind of money from request to receipt: the payer approves or refuses, finance pays once, the
 * community confirms, a mismatch or a missing receipt goes to reconciliation; every step's ladder; who held each step.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class FundTransferProcessTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailHost(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    static final Duration A_MINUTE = Duration.ofMinutes(1);

    @Autowired ProcessEngine engine;
    @Autowired FundTransfers transfers;
    @Autowired FundStepHolds holds;
    @Autowired EscalationLog escalations;

    FundWorld world;
    String key;

    @BeforeEach
    void setUp() throws Exception {
        world = new FundWorld(engine);
        key = newKey();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void nobody() {
        world.nobody();
    }

    @Test
    void anInstalmentIsApprovedByTheUnitLeaderPaidByFinanceAndConfirmedByTheCommunity() throws Exception {
        ProcessInstance pi = world.instalment(key, "7500.00");
        Task approve = world.task(pi, APPROVE_TRANSFER);
        assertThat(groups(approve)).containsExactly("unit-school-leader");
        assertThat(approve.getDueDate()).isCloseTo(Date.from(TestClock.now().plus(Duration.ofDays(7))), 60_000);
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.REQUESTED);
        assertThat(form(approve)).contains("\"id\": \"fund-transfer-approve\"", "approval", "refusalReason");
        world.approve(pi, UNIT_LEADER);
        assertThat(transfers.request(key).orElseThrow().approvedAmount()).isEqualByComparingTo("7500");

        Task pay = world.task(pi, TRANSFER_FUNDS);
        assertThat(groups(pay)).containsExactly("finance");
        world.transfer(pi, "PZ-2027-0117", "7500.00");
        FundTransfers.Transfer paid = transfers.find(key).orElseThrow();
        assertThat(paid.voucherNumber()).isEqualTo("PZ-2027-0117");
        assertThat(paid.recordedBy()).isEqualTo(FINANCE);
        assertThat(paid.payerId()).isEqualTo("school");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), TRANSFERRED_AMOUNT))
                .as("money is kept as the decimal's string, never a Double").isEqualTo("7500.00");

        Task receipt = world.task(pi, CONFIRM_RECEIPT);
        assertThat(groups(receipt)).containsExactly("community-heping-secretary");
        assertThat(form(receipt)).contains("receivedAmount", "receivedOn");
        world.receive(pi, "7500");

        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.CONFIRMED);
        assertThat(transfers.receipt(key).orElseThrow().matches()).isTrue();
        assertThat(ended(pi)).isTrue();
        assertThat(holds.of(key)).extracting(FundStepHolds.Hold::taskKey, FundStepHolds.Hold::holderName,
                        FundStepHolds.Hold::outcome)
                .containsExactly(tuple(APPROVE_TRANSFER, "新华第一实验小学", "COMPLETED"),
                        tuple(TRANSFER_FUNDS, "财务", "COMPLETED"), tuple(CONFIRM_RECEIPT, "和平社区", "COMPLETED"));
    }

    @Test
    void aRefusalNeedsAReasonAndEndsTheRequestUnpaid() {
        ProcessInstance pi = world.instalment(key, "7500.00");
        assertThatThrownBy(() -> world.complete(pi, APPROVE_TRANSFER, UNIT_LEADER,
                Map.of(APPROVAL, "refuse", REFUSAL_REASON, " ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("refusalReason:");
        assertThatThrownBy(() -> world.complete(pi, APPROVE_TRANSFER, UNIT_LEADER,
                Map.of(APPROVAL, "maybe", REFUSAL_REASON, "")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("approval:");
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.REQUESTED);

        world.complete(pi, APPROVE_TRANSFER, UNIT_LEADER, Map.of(APPROVAL, "refuse", REFUSAL_REASON, "本季度承诺的活动尚未开展"));
        FundTransfers.Request refused = transfers.request(key).orElseThrow();
        assertThat(refused.state()).isEqualTo(FundTransfers.State.REFUSED);
        assertThat(refused.refusalReason()).isEqualTo("本季度承诺的活动尚未开展");
        assertThat(refused.approvedAmount()).isNull();
        assertThat(ended(pi)).isTrue();
        assertThat(transfers.payments(key)).isZero();
    }

    @Test
    void aReceiptThatDoesNotMatchOpensReconciliationForFinanceAndThePayer() throws Exception {
        ProcessInstance pi = paid(world.instalment(key, "7500.00"));
        world.receive(pi, "7000.00");
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.RECONCILING);

        Task reconcile = world.task(pi, RECONCILE_TRANSFER);
        assertThat(groups(reconcile)).containsExactlyInAnyOrder("finance", "unit-school-leader");
        Map<String, Object> shown = engine.getRuntimeService().getVariables(pi.getId());
        assertThat(shown).containsEntry(TRANSFERRED_AMOUNT, "7500.00").containsEntry(RECEIVED_AMOUNT, "7000.00")
                .containsEntry(VOUCHER_NUMBER, "PZ-1").containsEntry(RECONCILIATION_CAUSE, "MISMATCH");
        assertThat(form(reconcile)).contains("settledAmount", "reconciliationNote", "{{voucherNumber}}");

        assertThatThrownBy(() -> world.complete(pi, RECONCILE_TRANSFER, FINANCE,
                Map.of(SETTLED_AMOUNT, "7000.001", RECONCILIATION_NOTE, "x")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("settledAmount:");
        assertThatThrownBy(() -> world.complete(pi, RECONCILE_TRANSFER, FINANCE,
                Map.of(SETTLED_AMOUNT, "7000", RECONCILIATION_NOTE, "")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("reconciliationNote:");
        world.complete(pi, RECONCILE_TRANSFER, UNIT_LEADER,
                Map.of(SETTLED_AMOUNT, "7500", RECONCILIATION_NOTE, "银行流水显示 500 元于次日到账，社区补登"));
        FundTransfers.Reconciliation settled = transfers.reconciliation(key).orElseThrow();
        assertThat(settled.cause()).isEqualTo("MISMATCH");
        assertThat(settled.settledAmount()).isEqualByComparingTo("7500");
        assertThat(settled.settledBy()).isEqualTo(UNIT_LEADER);
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.RECONCILED);
        assertThat(ended(pi)).isTrue();
    }

    @Test
    void noReceiptByItsDueDateOpensReconciliation() {
        ProcessInstance pi = paid(world.instalment(key, "7500.00"));
        Instant created = world.task(pi, CONFIRM_RECEIPT).getCreateTime().toInstant();
        TestClock.at(created.plus(Duration.ofDays(14)));
        world.run(pi, "confirmReceipt_noReceipt");

        assertThat(world.task(pi, CONFIRM_RECEIPT)).isNull();
        assertThat(world.task(pi, RECONCILE_TRANSFER)).isNotNull();
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), RECONCILIATION_CAUSE)).isEqualTo("NO_RECEIPT");
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.RECONCILING);
        assertThat(holds.of(key)).filteredOn(h -> h.taskKey().equals(CONFIRM_RECEIPT))
                .singleElement().satisfies(h -> {
                    assertThat(h.outcome()).isEqualTo("CANCELLED");
                    assertThat(Duration.between(h.heldFrom(), h.heldUntil())).isCloseTo(Duration.ofDays(14), A_MINUTE);
                });

        world.complete(pi, RECONCILE_TRANSFER, FINANCE, Map.of(SETTLED_AMOUNT, "0", RECONCILIATION_NOTE, "退回重拨"));
        assertThat(transfers.reconciliation(key).orElseThrow().cause()).isEqualTo("NO_RECEIPT");
    }

    @Test
    void aDepartmentPaysForWorkItAskedOf() {
        ProcessInstance pi = world.departmentPayment(key, "civil-affairs", "3000.00");
        assertThat(groups(world.task(pi, APPROVE_TRANSFER))).containsExactly("department-civil-affairs");
        FundTransfers.Request asked = transfers.request(key).orElseThrow();
        assertThat(asked.kind()).isEqualTo(FundKind.DEPARTMENT_PAYMENT);
        assertThat(asked.payerName()).isEqualTo("区民政局");
        assertThat(asked.accessRequestId()).isEqualTo(42L);
        world.approve(pi, DEPARTMENT);
        world.transfer(pi, "PZ-MZ-1", "3000");
        world.receive(pi, "3000.00");
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.CONFIRMED);
        assertThat(holds.of(key).get(0).holderKind()).isEqualTo(FundStepHolds.HolderKind.DEPARTMENT);
    }

    @Test
    void anUnknownPayerOrCommunityIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> world.departmentPayment(key, "no-such-department", "3000.00"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("departmentId:");
        var v = new java.util.HashMap<String, Object>(Map.of(KIND, "INSTALMENT", UNIT_ID, "no-such-unit",
                COMMUNITY_ID, "heping", AMOUNT, "10", PURPOSE, "x", DUE_DATE, today().toString()));
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, key, v))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("unitId:");
        v.put(UNIT_ID, "school");
        v.put(COMMUNITY_ID, "nowhere");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, key, v))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("communityId:");
        assertThat(transfers.request(key)).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void theStreetCommitteeGrantsServiceFundsFromTasklist() throws Exception {
        ProcessInstance pi = world.grant("老年食堂运营补助");
        assertThat(pi.getBusinessKey()).isEqualTo(grantKey(pi.getId()));
        Task request = world.task(pi, REQUEST_GRANT);
        assertThat(request.getAssignee()).isEqualTo(STREET);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), COMMUNITY_OPTIONS).toString())
                .contains("heping", "和平社区");
        assertThat(form(request)).contains("\"valuesKey\": \"communityOptions\"");

        for (String[] bad : new String[][] {{"-1", "amount:"}, {"0", "amount:"}, {"1.234", "amount:"}, {"abc", "amount:"},
                {"1000000.01", "amount:"}}) {
            assertThatThrownBy(() -> world.complete(pi, REQUEST_GRANT, STREET,
                    Map.of(COMMUNITY_ID, "heping", AMOUNT, bad[0], DUE_DATE, today().plusDays(10).toString())))
                    .as(bad[0]).isInstanceOf(FormFieldValidationException.class).hasMessageContaining(bad[1]);
        }
        assertThatThrownBy(() -> world.complete(pi, REQUEST_GRANT, STREET,
                Map.of(COMMUNITY_ID, "nowhere", AMOUNT, "20000", DUE_DATE, today().plusDays(10).toString())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("communityId:");
        assertThatThrownBy(() -> world.complete(pi, REQUEST_GRANT, STREET,
                Map.of(COMMUNITY_ID, "heping", AMOUNT, "20000", DUE_DATE, today().minusDays(1).toString())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("dueDate:");
        assertThat(transfers.request(pi.getBusinessKey())).isEmpty();

        world.complete(pi, REQUEST_GRANT, STREET,
                Map.of(COMMUNITY_ID, "heping", AMOUNT, "20000.50", DUE_DATE, today().plusDays(10).toString()));
        FundTransfers.Request grant = transfers.request(pi.getBusinessKey()).orElseThrow();
        assertThat(grant.kind()).isEqualTo(FundKind.SERVICE_GRANT);
        assertThat(grant.payerKind()).isEqualTo(FundKind.PayerKind.STREET_COMMITTEE);
        assertThat(grant.amount()).isEqualByComparingTo("20000.50");
        assertThat(grant.purpose()).isEqualTo("老年食堂运营补助");
        assertThat(groups(world.task(pi, APPROVE_TRANSFER))).containsExactly("street-committee");
        world.approve(pi, STREET_2);
        world.transfer(pi, "PZ-JD-1", "20000.50");
        world.receive(pi, "20000.50");
        assertThat(transfers.request(pi.getBusinessKey()).orElseThrow().state()).isEqualTo(FundTransfers.State.CONFIRMED);
    }

    @Test
    void aPersonStartingATransferSendsOnlyThePurpose() {
        assertThatThrownBy(() -> {
            world.as(STREET);
            engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(KEY).latestVersion().singleResult().getId(), Map.of(PURPOSE, " "));
        }).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("purpose:");
        world.nobody();
        world.as(SECRETARY);
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of(PURPOSE, "x")))
                .as("only the street committee grants").isInstanceOf(AuthorizationException.class);
    }

    @Test
    void anUnapprovedPayerIsRemindedThenTheStreetCommitteeThenTheSupervisingBodyIsTold() throws Exception {
        ProcessInstance pi = world.instalment(key, "7500.00");
        Task approve = world.task(pi, APPROVE_TRANSFER);
        Instant created = approve.getCreateTime().toInstant();

        TestClock.at(created.plus(Duration.ofDays(5)));
        world.run(pi, "approveTransfer_reminderDue");
        world.run(pi, "remind_approveTransfer_reminder");
        MimeMessage reminder = onlyMail(smtp);
        assertThat(to(reminder)).containsExactly("zhangjianguo@school.example.cn");
        assertThat(reminder.getSubject()).contains("【提醒】", "付款方审批拨付");

        TestClock.at(created.plus(Duration.ofDays(7)));
        world.run(pi, "approveTransfer_escalation1Due");
        world.run(pi, "escalate_approveTransfer_escalation1");
        assertThat(to(onlyMail(smtp))).containsExactlyInAnyOrder("lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn");

        TestClock.at(created.plus(Duration.ofDays(14)));
        world.run(pi, "approveTransfer_escalation2Due");
        world.run(pi, "escalate_approveTransfer_escalation2");
        MimeMessage toSupervisor = onlyMail(smtp);
        assertThat(to(toSupervisor)).containsExactly("gaojun@edu.example.cn");
        assertThat(toSupervisor.getSubject()).contains("已逾期 7 天");
        assertThat(plainText(toSupervisor)).contains("和平社区", "/camunda/app/tasklist/default/#/?task=" + approve.getId());
        assertThat(escalations.forTask(approve.getId())).extracting(EscalationLog.Entry::step, EscalationLog.Entry::notifiedRole)
                .containsExactly(tuple("reminder", "owner"), tuple("escalation-1", "street-committee"),
                        tuple("escalation-2", "payer-supervisor"));
    }

    @Test
    void everyLaterStepEscalatesUpItsLadder() throws Exception {
        ProcessInstance pi = world.instalment(key, "7500.00");
        world.approve(pi, UNIT_LEADER);
        ladder(pi, TRANSFER_FUNDS, List.of(
                new Rung("reminder", 7, List.of("qianli@xinhua.example.cn")),
                new Rung("escalation-1", 10, List.of("lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn")),
                new Rung("escalation-2", 20, List.of("gaojun@edu.example.cn"))));
        TestClock.reset();
        world.transfer(pi, "PZ-1", "7500.00");
        ladder(pi, CONFIRM_RECEIPT, List.of(
                new Rung("reminder", 5, List.of("wangfang@heping.example.cn")),
                new Rung("escalation-1", 7, List.of("lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn"))));
        world.receive(pi, "1.00");
        ladder(pi, RECONCILE_TRANSFER, List.of(
                new Rung("reminder", 7, List.of("qianli@xinhua.example.cn", "zhangjianguo@school.example.cn")),
                new Rung("escalation-1", 10, List.of("lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn")),
                new Rung("escalation-2", 20, List.of("gaojun@edu.example.cn"))));
    }

    @Test
    void theHoldingTimeOfEachStepIsRecordedWithItsDaysPastDue() {
        ProcessInstance pi = world.instalment(key, "7500.00");
        Instant start = TestClock.now();
        TestClock.at(start.plus(Duration.ofDays(9)));
        world.approve(pi, UNIT_LEADER);
        TestClock.at(start.plus(Duration.ofDays(12)));
        world.transfer(pi, "PZ-1", "7500.00");

        List<FundStepHolds.Hold> held = holds.of(key);
        assertThat(held).hasSize(3);
        FundStepHolds.Hold approval = held.get(0);
        assertThat(approval.holderKind()).isEqualTo(FundStepHolds.HolderKind.UNIT);
        assertThat(Duration.between(approval.heldFrom(), approval.heldUntil())).isCloseTo(Duration.ofDays(9), A_MINUTE);
        assertThat(Duration.between(approval.dueAt(), approval.heldUntil()).toDays()).as("days past due").isEqualTo(2);
        FundStepHolds.Hold payment = held.get(1);
        assertThat(Duration.between(payment.heldFrom(), payment.heldUntil())).isCloseTo(Duration.ofDays(3), A_MINUTE);
        assertThat(payment.heldUntil()).isBefore(payment.dueAt());
        FundStepHolds.Hold receipt = held.get(2);
        assertThat(receipt.heldUntil()).as("still held").isNull();
        assertThat(receipt.holderName()).isEqualTo("和平社区");
    }

    @Test
    void aRequestWhoseInstanceIsDeletedEndsAndItsOpenStepIsClosed() {
        ProcessInstance pi = world.instalment(key, "7500.00");
        engine.getRuntimeService().deleteProcessInstance(pi.getId(), "协议已终止", true, true);
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.ENDED);
        assertThat(holds.of(key)).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo("CANCELLED");
            assertThat(h.heldUntil()).isNotNull();
        });
    }

    @Test
    void aWrongAmountAFutureDateOrNoVoucherIsRefusedAndChangesNothing() {
        ProcessInstance pi = world.instalment(key, "7500.00");
        world.approve(pi, UNIT_LEADER);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of(VOUCHER_NUMBER, "PZ-1", TRANSFERRED_AMOUNT, "5000", TRANSFER_DATE, today().toString()),
                Map.of(VOUCHER_NUMBER, "PZ-1", TRANSFERRED_AMOUNT, "7500", TRANSFER_DATE, today().plusDays(1).toString()),
                Map.of(VOUCHER_NUMBER, " ", TRANSFERRED_AMOUNT, "7500", TRANSFER_DATE, today().toString()),
                Map.of(VOUCHER_NUMBER, "P".repeat(65), TRANSFERRED_AMOUNT, "7500", TRANSFER_DATE, today().toString()))) {
            assertThatThrownBy(() -> world.complete(pi, TRANSFER_FUNDS, FINANCE, bad)).as(bad.toString())
                    .isInstanceOf(FormFieldValidationException.class);
        }
        for (String[] bad : new String[][] {
                {"-7500", "must be more than zero"}, {"0", "must be more than zero"},
                {"7500.001", "at most two decimals"}, {"7500,00", "not an amount"}, {"七千五", "not an amount"},
                {"1000000.01", "over the maximum of 1000000.00"}}) {
            assertThatThrownBy(() -> world.transfer(pi, "PZ-1", bad[0])).as(bad[0])
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("transferredAmount:").hasMessageContaining(bad[1]);
        }
        assertThat(world.task(pi, TRANSFER_FUNDS)).as("still open").isNotNull();
        assertThat(transfers.find(key)).isEmpty();
    }

    @Test
    void aRequestForAnAmountThatIsNotMoneyIsNeverRecorded() {
        for (String bad : new String[] {"12.345", "-1", "0", "abc", "1000000.01"}) {
            assertThatThrownBy(() -> world.instalment(key, bad)).as(bad)
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("amount:");
        }
        assertThat(transfers.request(key)).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    }

    @Test
    void onlyThePayerApprovesAndOnlyFinancePays() {
        ProcessInstance pi = world.instalment(key, "7500.00");
        Task approve = world.task(pi, APPROVE_TRANSFER);
        world.as(FINANCE);
        assertThatThrownBy(() -> engine.getTaskService().complete(approve.getId(), Map.of(APPROVAL, "approve")))
                .isInstanceOf(AuthorizationException.class);
        world.nobody();
        world.approve(pi, UNIT_LEADER);
        Task pay = world.task(pi, TRANSFER_FUNDS);
        world.as("yangxue");
        assertThat(engine.getTaskService().createTaskQuery().taskId(pay.getId()).count()).as("the liaison sees nothing").isZero();
        assertThatThrownBy(() -> engine.getTaskService().complete(pay.getId(), Map.of(VOUCHER_NUMBER, "PZ-1",
                TRANSFERRED_AMOUNT, "7500", TRANSFER_DATE, today().toString())))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aRequestAlreadyPaidIsNeverPaidAgain() {
        ProcessInstance first = world.instalment(key, "7500.00");
        world.approve(first, UNIT_LEADER);
        world.transfer(first, "PZ-FIRST", "7500");
        // a second instance under the same key (started twice by mistake) finds the request decided and paid
        ProcessInstance twice = world.instalment(key, "7500.00");
        assertThatThrownBy(() -> world.approve(twice, UNIT_LEADER))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("approval:");
        assertThat(transfers.find(key).orElseThrow().voucherNumber()).isEqualTo("PZ-FIRST");
        assertThat(transfers.payments(key)).isEqualTo(1);
    }

    private record Rung(String step, int days, List<String> to) {}

    private void ladder(ProcessInstance pi, String taskKey, List<Rung> rungs) throws Exception {
        Task task = world.task(pi, taskKey);
        Instant created = task.getCreateTime().toInstant();
        for (Rung rung : rungs) {
            String id = rung.step().equals("reminder") ? "reminder" : rung.step().replace("-", "");
            TestClock.at(created.plus(Duration.ofDays(rung.days())));
            world.run(pi, taskKey + "_" + id + "Due");
            world.run(pi, (rung.step().equals("reminder") ? "remind_" : "escalate_") + taskKey + "_" + id);
            assertThat(to(onlyMail(smtp))).as(taskKey + " " + rung.step()).containsExactlyInAnyOrderElementsOf(rung.to());
        }
        TestClock.at(created);
    }

    private ProcessInstance paid(ProcessInstance pi) {
        world.approve(pi, UNIT_LEADER);
        world.transfer(pi, "PZ-1", "7500.00");
        return pi;
    }

    private boolean ended(ProcessInstance pi) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
    }

    private List<String> groups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    private String form(Task task) throws Exception {
        try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
