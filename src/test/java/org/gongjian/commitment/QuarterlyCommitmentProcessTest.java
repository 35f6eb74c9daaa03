package org.gongjian.commitment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.gongjian.GongjianTest;
import org.gongjian.activity.Activities;
import org.gongjian.escalation.EscalationLog;
import org.gongjian.funds.FundTransfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.Mails.onlyMail;
import static org.gongjian.Mails.plainText;
import static org.gongjian.Mails.to;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.gongjian.commitment.CommitmentWorld.*;

/** One quarter of an agreement: projects, commitments and their review, the activities and funds they start, the report. */
@GongjianTest
@ExtendWith(TestClock.class)
class QuarterlyCommitmentProcessTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailHost(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired EscalationLog escalations;
    @Autowired Activities activities;
    @Autowired FundTransfers transfers;
    @Autowired QuarterlyReports reports;
    @Autowired JavaMailSenderImpl mailSender;

    CommitmentWorld world;
    String number;
    ProcessInstance cycle;

    @BeforeEach
    void aQuarterHasStarted() throws Exception {
        world = new CommitmentWorld(engine);
        smtp.purgeEmailFromAllMailboxes();
        number = agreementNumber();
        cycle = world.start(number);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
        world.nobody();
    }

    @Test
    void communityStaffPublishTheProjectsOfferedFromTheAgreementsNeeds() throws Exception {
        Task prepare = world.task(cycle, CommitmentProcess.PREPARE_PROJECTS);
        assertThat(engine.getTaskService().getIdentityLinksForTask(prepare.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("community-heping-staff"));
        assertThat(prepare.getDueDate()).isCloseTo(Date.from(TestClock.now().plus(Duration.ofDays(5))), 60_000);
        assertThat(deployedForm(prepare)).contains("data-fields=\"projects\"", "ng-repeat=\"row in rows\"");
        assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "projects").toString())
                .isEqualTo("[{\"title\":\"关爱空巢老人\",\"description\":\"每月上门探访\"},{\"title\":\"青少年课后托管\",\"description\":\"\"}]");

        assertThatThrownBy(() -> world.complete(cycle, CommitmentProcess.PREPARE_PROJECTS, STAFF, Map.of("projects", rows())))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("projects");
        assertThatThrownBy(() -> world.complete(cycle, CommitmentProcess.PREPARE_PROJECTS, STAFF, Map.of("projects",
                rows(Map.of("title", "关爱空巢老人"), Map.of("title", "很长的项目名".repeat(20), "description", "说明")))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("projects[1].title")
                .hasMessageContaining("第 2 行");
        assertThatThrownBy(() -> world.complete(cycle, CommitmentProcess.PREPARE_PROJECTS, STAFF,
                Map.of("projects", Spin.JSON("\"关爱空巢老人：每月上门探访\""))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("projects: ");
        assertThat(world.task(cycle, CommitmentProcess.PREPARE_PROJECTS)).as("refused, still open").isNotNull();

        world.complete(cycle, CommitmentProcess.PREPARE_PROJECTS, STAFF, Map.of("projects",
                rows(Map.of("title", " 关爱空巢老人 ", "description", "每月上门探访", "owner", "extra column"),
                        Map.of("title", "寒假青少年托管", "description", "1-2月每周三次"))));
        assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "projects").toString()).as("trimmed, only the form's columns")
                .isEqualTo("[{\"title\":\"关爱空巢老人\",\"description\":\"每月上门探访\"},"
                        + "{\"title\":\"寒假青少年托管\",\"description\":\"1-2月每周三次\"}]");
        Task submit = world.task(cycle, CommitmentProcess.SUBMIT_COMMITMENTS);
        assertThat(engine.getTaskService().getIdentityLinksForTask(submit.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("unit-school-liaison"));
        String form = deployedForm(submit);
        assertThat(form).contains("data-fields=\"activities fundInstalment\"", "project in projects", "approvalComments");
        java.util.regex.Matcher kinds = java.util.regex.Pattern.compile("\\$scope\\.kinds = \\[([^]]*)]").matcher(form);
        assertThat(kinds.find()).as("the form offers its kinds").isTrue();
        assertThat(kinds.group(1).replace("'", "").split(",\\s*")).as("the kinds the server accepts, in the same order")
                .containsExactlyElementsOf(CommitmentProcess.KINDS);
    }

    @Test
    void activitiesOutsideTheQuarterOrWithoutPlacesAreRefused() {
        world.prepare(cycle);
        var weekendClass = activity("2027-01-16", "社区活动室", 30, "周末课堂");
        assertRefused(Map.of("activities", rows(weekendClass, activity("2027-04-02", "社区活动室", 30, "周末课堂"))),
                "activities[1].date");
        assertRefused(Map.of("activities", rows(activity("2027-01-16", "社区活动室", 0, "周末课堂"))), "activities[0].places");
        assertRefused(Map.of("activities", rows(activity("2027-01-16", "社区活动室", 30.5, "周末课堂"))), "activities[0].places");
        assertRefused(Map.of("activities", rows(activity("2027-01-16", "", 30, "周末课堂"))), "activities[0].place");
        assertRefused(Map.of("activities", rows(activity("2027-01-16", "社区活动室", 30, "周末课堂", -1, "", ""))),
                "activities[0].volunteers");
        assertRefused(Map.of("activities", rows(activity("2027-01-16", "社区活动室", 30, "周末课堂", 0, "1.25", ""))),
                "activities[0].hours");
        assertRefused(Map.of("activities", rows(activity("16/01/2027", "社区活动室", 30, "周末课堂"))), "activities[0].date");
        assertRefused(Map.of("activities", rows(weekendClass), "fundInstalment", -5), "fundInstalment");
        assertRefused(Map.of("activities", rows(weekendClass), "fundInstalment", 7500.005), "fundInstalment");
        assertRefused(Map.of("activities", rows(weekendClass), "fundInstalment", 2_000_000), "fundInstalment");
        assertRefused(Map.of("activities", rows(activity("2027-01-16", "社区活动室", 30, "周末课堂", 5, 2, "类".repeat(3)))),
                "activities[0].kind");
        assertRefused(Map.of("activities", rows(java.util.Collections.nCopies(21, weekendClass))), "activities");
        assertRefused(Map.of("activities", rows()), "activities");
        assertThat(world.task(cycle, CommitmentProcess.SUBMIT_COMMITMENTS)).as("still open").isNotNull();

        world.submit(cycle, twoActivities(), 7500);
        assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "activities").toString()).as("typed, defaults filled in")
                .isEqualTo("[{\"date\":\"2027-01-16\",\"title\":\"周末课堂\",\"place\":\"社区活动室\",\"places\":30,"
                        + "\"volunteers\":5,\"hours\":2,\"kind\":\"教育辅导\"},{\"date\":\"2027-03-05\",\"title\":\"学雷锋志愿服务\","
                        + "\"place\":\"学校操场\",\"places\":50,\"volunteers\":0,\"hours\":0,\"kind\":\"志愿服务\"}]");
    }

    @Test
    void anActivityDatedBeforeTodayIsRefused() {
        world.prepare(cycle);
        TestClock.at(LocalDate.of(2027, 2, 1).atTime(10, 0).atZone(ZONE).toInstant());
        assertRefused(Map.of("activities", rows(activity("2027-01-16", "社区活动室", 30, "周末课堂"))), "activities[0].date");
        world.submit(cycle, rows(activity("2027-02-01", "社区活动室", 30, "周末课堂"),
                activity("2027-02-10", "学校操场", 50, "学雷锋志愿服务")), null);
        assertThat(world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS)).isNotNull();
    }

    @Test
    void approvedCommitmentsStartOneActivityPerLineAndTheFundTransferExactlyOnce() throws Exception {
        world.prepare(cycle);
        world.submit(cycle, twoActivities(), 7500);
        Task approve = world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS);
        assertThat(engine.getTaskService().getIdentityLinksForTask(approve.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("community-heping-staff"));
        assertThat(deployedForm(approve)).contains("\"id\": \"commitments-approve\"", "{{#loop activities}}", "approvalDecision");
        world.decide(cycle, CommitmentProcess.APPROVE, null);
        world.run(cycle, CommitmentProcess.START_ACTIVITIES);

        String key = number + "/2027-Q1";
        var first = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("activity")
                .processInstanceBusinessKey(key + "/1").singleResult();
        Map<String, Object> v = engine.getRuntimeService().getVariables(first.getId());
        assertThat(v).containsEntry("title", "周末课堂").containsEntry("kind", "教育辅导").containsEntry("date", "2027-01-16")
                .containsEntry("place", "社区活动室").containsEntry("places", 30).containsEntry("volunteers", 5)
                .containsEntry("hours", 2.0).containsEntry("agreementNumber", number).containsEntry("quarter", "2027-Q1")
                .containsEntry("communityId", "heping").containsEntry("unitId", "school").containsEntry("supervisorId", "education");
        var second = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("activity")
                .processInstanceBusinessKey(key + "/2").singleResult();
        assertThat(engine.getRuntimeService().getVariables(second.getId()))
                .containsEntry("title", "学雷锋志愿服务").containsEntry("kind", "志愿服务").containsEntry("volunteers", 0);
        assertThat(world.instances("activity", key + "/3")).isZero();
        var funds = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("fund-transfer")
                .processInstanceBusinessKey(key + "/funds").singleResult();
        assertThat(engine.getRuntimeService().getVariable(funds.getId(), "amount")).as("a decimal's string, never a Double")
                .isEqualTo("7500.00");
        assertThat(engine.getRuntimeService().getVariable(funds.getId(), "unitName")).isEqualTo("新华第一实验小学");

        assertThat(world.job(cycle, CommitmentProcess.QUARTER_ENDED).getDuedate()).as("midnight after the quarter's last day")
                .isEqualTo(Date.from(LocalDate.of(2027, 4, 1).atStartOfDay(ZONE).toInstant()));

        // the step again (a retried job, an operator's restart) starts nothing twice
        engine.getRuntimeService().createProcessInstanceModification(cycle.getId())
                .startBeforeActivity(CommitmentProcess.START_ACTIVITIES).execute();
        world.run(cycle, CommitmentProcess.START_ACTIVITIES);
        assertThat(world.instances("activity", key + "/1")).isEqualTo(1);
        assertThat(world.instances("activity", key + "/2")).isEqualTo(1);
        assertThat(world.instances("fund-transfer", key + "/funds")).isEqualTo(1);
    }

    @Test
    void withoutAnInstalmentNoFundTransferStarts() {
        world.prepare(cycle);
        world.submit(cycle, rows(activity("2027-01-16", "社区活动室", 30, "周末课堂")), 0);
        world.decide(cycle, CommitmentProcess.APPROVE, null);
        world.run(cycle, CommitmentProcess.START_ACTIVITIES);
        assertThat(world.instances("activity", number + "/2027-Q1/1")).isEqualTo(1);
        assertThat(world.instances("fund-transfer", number + "/2027-Q1/funds")).isZero();
    }

    @Test
    void returnedCommitmentsGoBackToTheLiaisonWithTheComments() {
        world.prepare(cycle);
        world.submit(cycle, twoActivities(), 7500);
        assertThatThrownBy(() -> world.decide(cycle, CommitmentProcess.RETURN, " "))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("approvalComments");
        assertThatThrownBy(() -> world.decide(cycle, "maybe", null))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("approvalDecision");
        assertThat(world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS)).as("refused, still open").isNotNull();

        world.decide(cycle, CommitmentProcess.RETURN, "请把学雷锋活动的名额写具体");
        Task again = world.task(cycle, CommitmentProcess.SUBMIT_COMMITMENTS);
        assertThat(again).as("back with the liaison").isNotNull();
        assertThat(engine.getTaskService().getVariable(again.getId(), "approvalComments")).isEqualTo("请把学雷锋活动的名额写具体");
        assertThat(engine.getTaskService().getVariable(again.getId(), "activities").toString()).as("the rows as sent, for the form")
                .contains("周末课堂", "学雷锋志愿服务");

        world.submit(cycle, rows(activity("2027-01-16", "社区活动室", 30, "周末课堂"),
                activity("2027-03-05", "学校操场", 40, "学雷锋志愿服务")), 7500);
        Task review = world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS);
        assertThat(engine.getTaskService().getVariable(review.getId(), "approvalComments")).as("a clean form").isNull();
        world.decide(cycle, CommitmentProcess.APPROVE, null);
        assertThat(world.job(cycle, CommitmentProcess.START_ACTIVITIES)).isNotNull();
        assertThat(engine.getRuntimeService().getVariable(cycle.getId(), "activities").toString()).contains("40");
    }

    @Test
    void anUnreviewedCommitmentRemindsStaffThenTellsTheCommunitySecretary() throws Exception {
        world.prepare(cycle);
        world.submit(cycle, twoActivities(), 7500);
        Task approve = world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS);
        assertThat(approve.getDueDate()).isCloseTo(Date.from(TestClock.now().plus(Duration.ofDays(5))), 60_000);
        Instant created = approve.getCreateTime().toInstant();

        TestClock.at(created.plus(Duration.ofDays(4)));
        world.run(cycle, "approveCommitments_reminderDue");
        world.run(cycle, "remind_approveCommitments_reminder");
        MimeMessage reminder = onlyMail(smtp);
        assertThat(to(reminder)).containsExactlyInAnyOrder("liuyang@heping.example.cn", "chenjing@heping.example.cn");
        assertThat(reminder.getSubject()).contains("【提醒】", "社区审核本季度承诺", "新华第一实验小学");

        TestClock.at(created.plus(Duration.ofDays(7)));
        world.run(cycle, "approveCommitments_escalation1Due");
        world.run(cycle, "escalate_approveCommitments_escalation1");
        MimeMessage toSecretary = onlyMail(smtp);
        assertThat(to(toSecretary)).containsExactly("wangfang@heping.example.cn");
        assertThat(toSecretary.getSubject()).contains("【催办】", "已逾期 2 天");

        assertThat(escalations.forTask(approve.getId())).extracting(EscalationLog.Entry::step, EscalationLog.Entry::notifiedRole)
                .containsExactly(tuple("reminder", "owner"), tuple("escalation-1", "community-secretary"));
        assertThat(world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS)).as("an escalation never completes the task").isNotNull();
    }

    @Test
    void aLateCommitmentGoesToTheUnitLeaderAtFifteenDaysAndTheStreetCommitteeAtTwentyTwo() {
        world.prepare(cycle);
        Task submit = world.task(cycle, CommitmentProcess.SUBMIT_COMMITMENTS);
        assertThat(submit.getDueDate()).isCloseTo(Date.from(TestClock.now().plus(Duration.ofDays(15))), 60_000);
        Instant created = submit.getCreateTime().toInstant();
        TestClock.at(created.plus(Duration.ofDays(15)));
        world.run(cycle, "submitCommitments_escalation1Due");
        world.run(cycle, "escalate_submitCommitments_escalation1");
        TestClock.at(created.plus(Duration.ofDays(22)));
        world.run(cycle, "submitCommitments_escalation2Due");
        world.run(cycle, "escalate_submitCommitments_escalation2");
        assertThat(escalations.forTask(submit.getId()))
                .extracting(EscalationLog.Entry::notifiedRole, EscalationLog.Entry::recipients)
                .containsExactly(tuple("unit-leader", "张建国（党支部书记、校长）"),
                        tuple("street-committee", "李华（党工委副书记）、周敏（党建办主任）"));
    }

    @Test
    void atQuarterEndTheReportIsStoredOnceAndMailedToTheStreetCommittee() throws Exception {
        world.prepare(cycle);
        world.submit(cycle, twoActivities(), 7500);
        world.decide(cycle, CommitmentProcess.APPROVE, null);
        world.run(cycle, CommitmentProcess.START_ACTIVITIES);
        payTheInstalment(number + "/2027-Q1/funds");
        smtp.purgeEmailFromAllMailboxes();

        // the activities just started are open; whether their process has recorded them yet is its own business
        int started = activities.ofQuarter(number, "2027-Q1").size();
        // what became of the quarter's activities
        Instant due = Instant.parse("2027-01-23T10:00:00Z");
        long kept = plan("周末课堂", 1);
        activities.evidenceDue(kept, due);
        activities.evidenceSubmitted(kept, "按时完成", due.minus(Duration.ofDays(1)));
        activities.end(kept, Activities.KEPT, null, due);
        long keptLate = plan("学雷锋志愿服务", 2);
        activities.evidenceDue(keptLate, due);
        activities.evidenceSubmitted(keptLate, "补交佐证", due.plus(Duration.ofDays(3)));
        activities.end(keptLate, Activities.KEPT, null, due.plus(Duration.ofDays(4)));
        activities.end(plan("敬老院探访", 3), Activities.MISSED, "佐证逾期未交", due.plus(Duration.ofDays(14)));
        activities.end(plan("社区义诊", 4), Activities.CANCELLED, "场地不可用", due);
        long open = plan("普法讲座", 5);
        activities.publish(open, "普法讲座", "志愿服务", null, "社区活动室", due, due.plus(Duration.ofHours(2)), due, 30, due);

        world.run(cycle, CommitmentProcess.QUARTER_ENDED);
        String reportJob = world.job(cycle, CommitmentProcess.REPORT_QUARTER).getId();

        // with the mail server down the job fails and stores nothing; the engine tries again later
        int port = mailSender.getPort();
        mailSender.setPort(unusedPort());
        try {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(reportJob)).isNotNull();
            assertThat(reports.exists(number, "2027-Q1")).isFalse();
        } finally {
            mailSender.setPort(port);
        }
        engine.getManagementService().executeJob(reportJob);

        MimeMessage mail = onlyMail(smtp);
        assertThat(to(mail)).containsExactlyInAnyOrder("lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn");
        assertThat(mail.getSubject()).contains("【季度报告】", "新华第一实验小学", "2027-Q1", "履约 2/" + (started + 5));
        String text = plainText(mail);
        assertThat(text).contains(number, "周末课堂", "学雷锋志愿服务", "敬老院探访", "社区义诊", "普法讲座", "未履约 missed",
                "已取消 cancelled", "佐证逾期 evidence late", "7500.00", "/reports/" + number + "/2027-Q1");

        QuarterlyReports.Report report = reports.find(number, "2027-Q1").orElseThrow();
        assertThat(List.of(report.committed(), report.kept(), report.missed(), report.cancelled(), report.late(), report.stillOpen()))
                .containsExactly(started + 5, 2, 1, 1, 1, started + 1);
        assertThat(report.fundsCommitted()).isEqualByComparingTo("7500");
        assertThat(report.fundsTransferred()).isEqualByComparingTo("7500");
        assertThat(report.reportText()).contains("周末课堂", "普法讲座", "未履约 missed");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.getId()).count())
                .as("the quarter is over").isZero();

        // the report step again for the same agreement and quarter stores and sends nothing
        ProcessInstance again = engine.getRuntimeService().createProcessInstanceByKey(CommitmentProcess.KEY)
                .businessKey(number + "/2027-Q1").setVariables(quarter(number)).setVariable("fundInstalment", 7500)
                .startBeforeActivity(CommitmentProcess.REPORT_QUARTER).execute();
        world.run(again, CommitmentProcess.REPORT_QUARTER);
        assertThat(smtp.waitForIncomingEmail(1_000, 1)).as("no second mail").isFalse();
        assertThat(reports.find(number, "2027-Q1").orElseThrow().createdAt()).isEqualTo(report.createdAt());
    }

    @Test
    void aQuarterThatEndsBeforeTheCommitmentsAreApprovedIsReportedAllTheSame() throws Exception {
        world.prepare(cycle);
        assertThat(world.job(cycle, "quarterEndedBeforeCommitments").getDuedate())
                .isEqualTo(Date.from(LocalDate.of(2027, 4, 1).atStartOfDay(ZONE).toInstant()));
        world.run(cycle, "quarterEndedBeforeCommitments");
        assertThat(world.task(cycle, CommitmentProcess.SUBMIT_COMMITMENTS)).as("too late to commit").isNull();
        world.run(cycle, CommitmentProcess.REPORT_QUARTER);

        MimeMessage mail = onlyMail(smtp);
        assertThat(mail.getSubject()).contains("【季度报告】", "履约 0/0");
        assertThat(plainText(mail)).contains("本季度没有承诺活动", "0.00");
        QuarterlyReports.Report report = reports.find(number, "2027-Q1").orElseThrow();
        assertThat(report.committed()).isZero();
        assertThat(report.fundsCommitted()).isEqualByComparingTo("0");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.getId()).count()).isZero();
    }

    private String deployedForm(Task task) throws java.io.IOException {
        try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void payTheInstalment(String businessKey) {
        // the unit's leader approves its own instalment first, then finance pays it
        Task approval = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        world.as("zhangjianguo");
        try {
            engine.getTaskService().complete(approval.getId(), Map.of("approval", "approve", "refusalReason", ""));
        } finally {
            world.nobody();
        }
        Task transfer = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        world.as(FINANCE);
        try {
            engine.getTaskService().complete(transfer.getId(), Map.of("voucherNumber", "PZ-" + number,
                    "transferredAmount", "7500", "transferDate", LocalDate.ofInstant(TestClock.now(), ZONE).toString()));
        } finally {
            world.nobody();
        }
        assertThat(transfers.find(businessKey)).isPresent();
    }

    private long plan(String title, int n) {
        Instant start = Instant.parse("2027-01-16T01:00:00Z").plus(Duration.ofDays(n));
        return activities.plan(new Activities.Plan(number + "/2027-Q1/report-" + n, "pi-" + n, number, "2027-Q1", "heping",
                "和平社区", "school", "新华第一实验小学", title, "志愿服务", "社区活动室", start, start.plus(Duration.ofHours(2)),
                start, 30, 5, BigDecimal.valueOf(2), "code-" + number + "-" + n));
    }

    private void assertRefused(Map<String, Object> variables, String field) {
        assertThatThrownBy(() -> world.complete(cycle, CommitmentProcess.SUBMIT_COMMITMENTS, LIAISON, variables))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(field + ":");
    }

    private static int unusedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
