package org.gongjian.access;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.gongjian.EngineWorld;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.funds.FundKind;
import org.gongjian.funds.FundTransferProcess;
import org.gongjian.funds.FundTransfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongjian.Mails.onlyMail;
import static org.gongjian.Mails.to;
import static org.gongjian.access.AccessProcess.*;

/**
 * A department's request for community work through the gate: the access list, the street committee, each
 * community's answer, and the department's money started for each community that accepted it.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class AccessGateProcessTest {

    static final String DEPARTMENT = "dengchao";
    static final String STREET = "lihua";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailHost(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired ProcessEngine engine;
    @Autowired AccessRequests requests;
    @Autowired FundTransfers transfers;
    @Autowired JdbcTemplate jdbc;

    EngineWorld world;

    @BeforeEach
    void setUp() throws Exception {
        world = new EngineWorld(engine) {};
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void nobody() {
        world.nobody();
    }

    @Test
    void admittedWorkGoesToEachCommunityAndAcceptedWorkBringsItsMoney() {
        ProcessInstance pi = request("benefit-check", "3000.00");
        long id = id(pi);
        choose(pi, "heping", "yangguang");
        assertThat(requests.find(id).orElseThrow().state()).isEqualTo("APPROVED");

        Task heping = offered(pi, "community-heping-secretary");
        Task yangguang = offered(pi, "community-yangguang-secretary");
        assertThat(heping.getDueDate()).isNotNull();
        assertThatThrownBy(() -> answer(heping, "wangfang", "refuse", " "))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("answerReason:");
        answer(heping, "wangfang", "accept", "");
        world.run(pi, START_DEPARTMENT_PAYMENT);
        answer(yangguang, "sunli", "refuse", "本月已承担两项入户工作，人手不足");

        String key = FundTransferProcess.accessPaymentKey(id, "heping");
        FundTransfers.Request payment = transfers.request(key).orElseThrow();
        assertThat(payment.kind()).isEqualTo(FundKind.DEPARTMENT_PAYMENT);
        assertThat(payment.payerId()).isEqualTo("civil-affairs");
        assertThat(payment.amount()).isEqualByComparingTo("3000");
        assertThat(payment.accessRequestId()).isEqualTo(id);
        assertThat(payment.dueDate()).isEqualTo(today().plusDays(60));
        assertThat(requests.community(id, "heping").orElseThrow().fundBusinessKey()).isEqualTo(key);
        assertThat(requests.community(id, "yangguang").orElseThrow().state()).isEqualTo("REFUSED");
        assertThat(transfers.request(FundTransferProcess.accessPaymentKey(id, "yangguang"))).as("refused work brings no payment").isEmpty();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).count()).isEqualTo(1);
    }

    @Test
    void theStreetCommitteeDecidesWhereTheListSaysSo() {
        ProcessInstance pi = request("census", "5000");
        long id = id(pi);
        choose(pi, "heping");
        Task approve = world.task(pi, APPROVE_ACCESS);
        assertThat(groups(approve)).containsExactly("street-committee");
        assertThatThrownBy(() -> world.complete(pi, APPROVE_ACCESS, STREET, Map.of(ACCESS_DECISION, "refuse", DECISION_REASON, "")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("decisionReason:");
        world.complete(pi, APPROVE_ACCESS, STREET, Map.of(ACCESS_DECISION, "refuse", DECISION_REASON, "与区统计局的普查重复"));
        assertThat(requests.find(id).orElseThrow().state()).isEqualTo("REFUSED");
        assertThat(requests.find(id).orElseThrow().decisionReason()).isEqualTo("与区统计局的普查重复");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

        ProcessInstance approved = request("census", "5000");
        choose(approved, "heping");
        world.complete(approved, APPROVE_ACCESS, STREET, Map.of(ACCESS_DECISION, "approve", DECISION_REASON, ""));
        assertThat(offered(approved, "community-heping-secretary")).isNotNull();
    }

    @Test
    void workNotOnTheListOrWithTooLittleMoneyIsNotAdmitted() {
        ProcessInstance cheap = request("census", "4999.99");
        choose(cheap, "heping");
        AccessRequests.Request refused = requests.find(id(cheap)).orElseThrow();
        assertThat(refused.state()).isEqualTo("NOT_ADMITTED");
        assertThat(refused.gateReason()).contains("5000.00");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cheap.getId()).count()).isZero();

        ProcessInstance unlisted = request("street-sweeping", "100000");
        choose(unlisted, "heping");
        assertThat(requests.find(id(unlisted)).orElseThrow().state()).isEqualTo("NOT_ADMITTED");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndRecordsNothing() {
        int before = count();
        for (Object[] bad : new Object[][] {{HOURS, 0L}, {PEOPLE, "x"}, {FUNDING, "12.345"}, {FUNDING, "-1"},
                {PERIOD_END, today().minusDays(1).toString()}, {TITLE, " "}}) {
            Map<String, Object> v = fields("benefit-check", "3000");
            v.put((String) bad[0], bad[1]);
            assertThatThrownBy(() -> start(DEPARTMENT, v)).as(bad[0] + "=" + bad[1])
                    .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(bad[0] + ":");
        }
        ProcessInstance pi = request("benefit-check", "3000");
        assertThatThrownBy(() -> world.complete(pi, CHOOSE_COMMUNITIES, DEPARTMENT, Map.of(COMMUNITIES, Spin.JSON("[]"))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("communities:");
        assertThatThrownBy(() -> world.complete(pi, CHOOSE_COMMUNITIES, DEPARTMENT,
                Map.of(COMMUNITIES, Spin.JSON("[\"heping\", \"nowhere\"]"))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("communities[1]:");
        assertThat(count()).isEqualTo(before + 1);
        assertThat(requests.communities(id(pi))).isEmpty();
    }

    @Test
    void onlyADepartmentFilesAccessRequests() {
        assertThatThrownBy(() -> start("wangfang", fields("benefit-check", "3000")))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void anUnansweredOfferRemindsTheSecretaryThenTellsTheStreetCommittee() throws Exception {
        ProcessInstance pi = request("benefit-check", "3000");
        choose(pi, "heping");
        Task offer = offered(pi, "community-heping-secretary");
        Instant created = offer.getCreateTime().toInstant();
        TestClock.at(created.plus(Duration.ofDays(3)));
        world.run(pi, "acceptWork_reminderDue");
        world.run(pi, "remind_acceptWork_reminder");
        assertThat(to(onlyMail(smtp))).containsExactly("wangfang@heping.example.cn");
        TestClock.at(created.plus(Duration.ofDays(5)));
        world.run(pi, "acceptWork_escalation1Due");
        world.run(pi, "escalate_acceptWork_escalation1");
        assertThat(to(onlyMail(smtp))).containsExactlyInAnyOrder("lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn");
    }

    @Test
    void eachCommunitysUnansweredOfferRemindsItsOwnSecretary() throws Exception {
        ProcessInstance pi = request("benefit-check", "3000");
        choose(pi, "heping", "yangguang");
        Instant created = offered(pi, "community-heping-secretary").getCreateTime().toInstant();
        TestClock.at(created.plus(Duration.ofDays(3)));
        var timers = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("acceptWork_reminderDue").list();
        assertThat(timers).hasSize(2);
        Set<String> told = new HashSet<>();
        for (var timer : timers) {
            engine.getManagementService().executeJob(timer.getId());
        }
        for (var rung : engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("remind_acceptWork_reminder").list()) {
            engine.getManagementService().executeJob(rung.getId());
            told.addAll(to(onlyMail(smtp)));
        }
        assertThat(told).as("both offers open: each rung finds its own community's task")
                .containsExactlyInAnyOrder("wangfang@heping.example.cn", "sunli@yangguang.example.cn");
    }

    private ProcessInstance request(String workType, String funding) {
        return start(DEPARTMENT, fields(workType, funding));
    }

    private ProcessInstance start(String who, Map<String, Object> fields) {
        world.as(who);
        try {
            return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(KEY).latestVersion().singleResult().getId(), fields);
        } finally {
            world.nobody();
        }
    }

    private Map<String, Object> fields(String workType, String funding) {
        Map<String, Object> v = new HashMap<>();
        v.put(WORK_TYPE, workType);
        v.put(TITLE, "高龄津贴入户核查");
        v.put(DESCRIPTION, "逐户核实 80 岁以上老人的居住和生存状况");
        v.put(HOURS, 40L);
        v.put(PEOPLE, 3L);
        v.put(PERIOD_START, today().plusDays(1).toString());
        v.put(PERIOD_END, today().plusDays(60).toString());
        v.put(FUNDING, funding);
        return v;
    }

    private void choose(ProcessInstance pi, String... communities) {
        assertThat(world.task(pi, CHOOSE_COMMUNITIES).getAssignee()).isEqualTo(DEPARTMENT);
        StringBuilder json = new StringBuilder("[");
        for (String c : communities) {
            json.append(json.length() > 1 ? "," : "").append('"').append(c).append('"');
        }
        world.complete(pi, CHOOSE_COMMUNITIES, DEPARTMENT, Map.of(COMMUNITIES, Spin.JSON(json.append("]").toString())));
    }

    private Task offered(ProcessInstance pi, String group) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ACCEPT_WORK)
                .taskCandidateGroup(group).singleResult();
    }

    private void answer(Task task, String who, String answer, String reason) {
        world.as(who);
        try {
            engine.getTaskService().complete(task.getId(), Map.of(WORK_ANSWER, answer, ANSWER_REASON, reason));
        } finally {
            world.nobody();
        }
    }

    private long id(ProcessInstance pi) {
        return jdbc.queryForObject("SELECT id FROM access_request WHERE process_instance_id = ?", Long.class, pi.getId());
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_request", Integer.class);
    }

    private List<String> groups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai"));
    }
}
