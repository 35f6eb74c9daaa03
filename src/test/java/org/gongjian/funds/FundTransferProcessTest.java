package org.gongjian.funds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finance executes a requested transfer: the voucher, exactly the amount, a date that has come; recorded once. */
@GongjianTest
@ExtendWith(TestClock.class)
class FundTransferProcessTest {

    static final String FINANCE = "qianli";
    static final LocalDate TODAY = LocalDate.ofInstant(TestClock.TODAY, ZoneId.of("Asia/Shanghai"));

    @Autowired ProcessEngine engine;
    @Autowired FundTransfers transfers;

    String key;
    ProcessInstance transfer;

    @BeforeEach
    void aQuarterlyInstalmentIsDue() {
        key = "GJ-F" + System.nanoTime() + "/2027-Q1" + FundTransferProcess.FUNDS_SUFFIX;
        transfer = start(key);
    }

    @AfterEach
    void nobody() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void financeConfirmsTheTransferAndItIsRecorded() throws Exception {
        Task task = task(transfer);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(FundTransferProcess.TRANSFER_FUNDS);
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("finance"));
        assertThat(task.getDueDate()).isCloseTo(Date.from(TestClock.now().plus(Duration.ofDays(10))), 60_000);
        try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"id\": \"fund-transfer\"", "voucherNumber", "transferredAmount", "transferDate");
        }

        complete(task, "PZ-2027-0117", "7500.00", TODAY.toString());

        FundTransfers.Transfer recorded = transfers.find(key).orElseThrow();
        assertThat(recorded.voucherNumber()).isEqualTo("PZ-2027-0117");
        assertThat(recorded.requestedAmount()).isEqualByComparingTo("7500");
        assertThat(recorded.transferredAmount()).isEqualByComparingTo("7500");
        assertThat(recorded.transferDate()).isEqualTo(TODAY);
        assertThat(recorded.recordedBy()).isEqualTo(FINANCE);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(transfer.getId())
                .variableName(FundTransferProcess.TRANSFERRED_AMOUNT).singleResult().getValue())
                .as("money is kept as the decimal's string, never a Double").isEqualTo("7500.00");
        assertThat(recorded.payerId()).isEqualTo("school");
        assertThat(recorded.communityId()).isEqualTo("heping");
        assertThat(recorded.agreementNumber()).startsWith("GJ-F");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(transfer.getId()).count()).isZero();
    }

    @Test
    void aWrongAmountAFutureDateOrNoVoucherIsRefusedAndChangesNothing() {
        Task task = task(transfer);
        assertThatThrownBy(() -> complete(task, "PZ-1", 5000, TODAY.toString()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("transferredAmount:");
        assertThatThrownBy(() -> complete(task, "PZ-1", 7500, TODAY.plusDays(1).toString()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("transferDate:");
        assertThatThrownBy(() -> complete(task, " ", 7500, TODAY.toString()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("voucherNumber:");
        assertThatThrownBy(() -> complete(task, "P".repeat(65), 7500, TODAY.toString()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("voucherNumber:");
        assertThat(task(transfer)).as("still open").isNotNull();
        assertThat(transfers.find(key)).isEmpty();
    }

    @Test
    void anAmountThatIsNotMoneyIsRefusedNamingTheFieldAndChangesNothing() {
        Task task = task(transfer);
        for (String[] bad : new String[][] {
                {"-7500", "must be more than zero"}, {"0", "must be more than zero"},
                {"7500.001", "at most two decimals"}, {"7500,00", "not an amount"}, {"七千五", "not an amount"},
                {"1000000.01", "over the maximum of 1000000.00"}}) {
            assertThatThrownBy(() -> complete(task, "PZ-1", bad[0], TODAY.toString())).as(bad[0])
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("transferredAmount:").hasMessageContaining(bad[1]);
        }
        assertThat(task(transfer)).as("still open").isNotNull();
        assertThat(transfers.find(key)).isEmpty();
    }

    @Test
    void aRequestForAnAmountThatIsNotMoneyIsNeverRecorded() {
        String other = "GJ-F" + System.nanoTime() + "/2027-Q1" + FundTransferProcess.FUNDS_SUFFIX;
        for (String bad : new String[] {"12.345", "-1", "0", "abc", "1000000.01"}) {
            assertThatThrownBy(() -> request(engine, other, bad)).as(bad)
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("amount:");
        }
        assertThat(transfers.request(other)).isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(other).count()).isZero();
    }

    @Test
    void onlyFinanceMayConfirm() {
        Task task = task(transfer);
        as("yangxue");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the payer sees nothing").isZero();
        assertThatThrownBy(() -> engine.getTaskService().complete(task.getId(), values("PZ-1", 7500, TODAY.toString())))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aRequestAlreadyPaidIsNeverPaidAgain() {
        complete(task(transfer), "PZ-FIRST", 7500, TODAY.toString());
        ProcessInstance twice = start(key);
        assertThatThrownBy(() -> complete(task(twice), "PZ-SECOND", 7500, TODAY.toString()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("PZ-FIRST");
        assertThat(transfers.find(key).orElseThrow().voucherNumber()).isEqualTo("PZ-FIRST");
    }

    private ProcessInstance start(String businessKey) {
        return request(engine, businessKey, "7500.00");
    }

    /** A quarterly instalment of the school to 和平社区, requested the way the quarterly commitment requests it. */
    static ProcessInstance request(ProcessEngine engine, String businessKey, String amount) {
        Map<String, Object> v = new HashMap<>();
        v.put(FundTransferProcess.AGREEMENT_NUMBER, businessKey.substring(0, businessKey.indexOf('/')));
        v.put(FundTransferProcess.QUARTER, "2027-Q1");
        v.put(FundTransferProcess.COMMUNITY_ID, "heping");
        v.put(FundTransferProcess.COMMUNITY_NAME, "和平社区");
        v.put(FundTransferProcess.UNIT_ID, "school");
        v.put(FundTransferProcess.UNIT_NAME, "新华第一实验小学");
        v.put(FundTransferProcess.SUPERVISOR_ID, "education");
        v.put(FundTransferProcess.AMOUNT, amount);
        v.put(FundTransferProcess.PURPOSE, "新华第一实验小学 2027-Q1 季度共建经费");
        return engine.getRuntimeService().startProcessInstanceByKey(FundTransferProcess.KEY, businessKey, v);
    }

    private Task task(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void complete(Task task, String voucher, Object amount, String date) {
        as(FINANCE);
        try {
            engine.getTaskService().complete(task.getId(), values(voucher, amount, date));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Map<String, Object> values(String voucher, Object amount, String date) {
        return Map.of(FundTransferProcess.VOUCHER_NUMBER, voucher, FundTransferProcess.TRANSFERRED_AMOUNT, amount,
                FundTransferProcess.TRANSFER_DATE, date);
    }

    private void as(String user) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(user, groups);
    }
}
