package org.gongjian.agreement;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
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
import static org.gongjian.Mails.onlyMail;
import static org.gongjian.Mails.plainText;
import static org.gongjian.Mails.to;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongjian.agreement.AgreementWorld.*;

@GongjianTest
@ExtendWith(TestClock.class)
class AgreementProcessTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailHost(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired ProcessEngine engine;
    @Autowired Agreements agreements;
    @Autowired EscalationLog escalations;
    @Autowired org.springframework.mail.javamail.JavaMailSenderImpl mailSender;

    AgreementWorld world;

    @BeforeEach
    void setUp() throws Exception {
        world = new AgreementWorld(engine);
        // one agreement in force per pair: end an earlier test's agreement of the school first, then forget its mail
        world.endAgreementsInForce(SCHOOL);
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
        world.nobody();
    }

    /** From the draft through one round of negotiation to the unit leader's signature task. */
    private ProcessInstance negotiatedUpToTheUnitLeader() {
        ProcessInstance pi = world.start();
        assertThat(world.task(pi, AgreementProcess.DRAFT).getAssignee()).isEqualTo(STAFF);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "unitOptions").toString())
                .contains("school", "新华第一实验小学", "hospital").doesNotContain("power");

        world.complete(pi, AgreementProcess.DRAFT, STAFF, draft("school", "2027-01-01", "2028-12-31"));
        world.complete(pi, AgreementProcess.ANSWER, LIAISON, resources());
        world.complete(pi, AgreementProcess.REVIEW, SECRETARY, review("return", "请把志愿服务时间写具体"));
        assertThat(world.task(pi, AgreementProcess.ANSWER)).as("returned to the unit").isNotNull();
        world.complete(pi, AgreementProcess.ANSWER, LIAISON, resources());
        world.complete(pi, AgreementProcess.REVIEW, SECRETARY, review("accept", null));
        return pi;
    }

    @Test
    void anAgreementGoesFromDraftToActiveThroughANegotiationRound() {
        ProcessInstance pi = negotiatedUpToTheUnitLeader();
        assertThat(agreements.rounds(pi.getId())).extracting(Agreements.Round::decision).containsExactly("return", "accept");
        assertThat(agreements.rounds(pi.getId()).get(0).comments()).isEqualTo("请把志愿服务时间写具体");

        Task sign = world.task(pi, AgreementProcess.SIGN_AS_UNIT);
        assertThat(sign.getDueDate()).isCloseTo(Date.from(TestClock.now().plus(Duration.ofDays(10))), 60_000);

        world.complete(pi, AgreementProcess.SIGN_AS_UNIT, LEADER, Map.of("unitSigned", true));
        world.complete(pi, AgreementProcess.SIGN_AS_COMMUNITY, SECRETARY, Map.of("communitySigned", true));
        world.complete(pi, AgreementProcess.FILE, STREET, Map.of("filingDecision", "file"));

        String number = (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber");
        assertThat(number).matches("GJ-\\d{4}-\\d{6}");
        Agreements.Agreement agreement = agreements.find(number).orElseThrow();
        assertThat(agreement.status()).isEqualTo("ACTIVE");
        assertThat(agreement.unitName()).isEqualTo("新华第一实验小学");
        assertThat(agreement.needsJson()).contains("关爱空巢老人");
        assertThat(agreement.resourcesJson()).contains("周末课堂", "30000");
        assertThat(agreements.signatures(pi.getId())).extracting(Agreements.Signature::party, Agreements.Signature::signedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UNIT", LEADER), org.assertj.core.groups.Tuple.tuple("COMMUNITY", SECRETARY));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
    }

    @Test
    void theUnitLeaderIsRemindedThenTheStreetCommitteeThenTheSupervisingBodyIsTold() throws Exception {
        ProcessInstance pi = negotiatedUpToTheUnitLeader();
        Task sign = world.task(pi, AgreementProcess.SIGN_AS_UNIT);
        Instant created = sign.getCreateTime().toInstant();

        TestClock.at(created.plus(Duration.ofDays(7)));
        world.run(pi, "signAgreementAsUnit_reminderDue");
        world.run(pi, "remind_signAgreementAsUnit_reminder");
        MimeMessage reminder = onlyMail(smtp);
        assertThat(to(reminder)).containsExactly("zhangjianguo@school.example.cn");
        assertThat(reminder.getSubject()).contains("【提醒】", "单位党组织书记签署", "新华第一实验小学");
        assertThat(plainText(reminder)).contains("张建国", "还有 3 天");

        TestClock.at(created.plus(Duration.ofDays(10)));
        world.run(pi, "signAgreementAsUnit_escalation1Due");
        world.run(pi, "escalate_signAgreementAsUnit_escalation1");
        MimeMessage toStreet = onlyMail(smtp);
        assertThat(to(toStreet)).containsExactlyInAnyOrder("lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn");
        assertThat(toStreet.getSubject()).contains("【催办】");

        TestClock.at(created.plus(Duration.ofDays(20)));
        world.run(pi, "signAgreementAsUnit_escalation2Due");
        world.run(pi, "escalate_signAgreementAsUnit_escalation2");
        MimeMessage toSupervisor = onlyMail(smtp);
        assertThat(to(toSupervisor)).containsExactly("gaojun@edu.example.cn");
        assertThat(toSupervisor.getSubject()).contains("已逾期 10 天");
        String text = plainText(toSupervisor);
        assertThat(text).contains("单位党组织书记签署", "新华第一实验小学", "和平社区", "应办理人 Who must act：新华第一实验小学 党组织书记",
                "已逾期 10 天", "张建国", "李华", "周敏", "高军", "/camunda/app/tasklist/default/#/?task=" + sign.getId());

        assertThat(escalations.forTask(sign.getId())).extracting(EscalationLog.Entry::step, EscalationLog.Entry::notifiedRole)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reminder", "owner"),
                        org.assertj.core.groups.Tuple.tuple("escalation-1", "street-committee"),
                        org.assertj.core.groups.Tuple.tuple("escalation-2", "supervisor"));
        assertThat(world.task(pi, AgreementProcess.SIGN_AS_UNIT)).as("an escalation never completes the task").isNotNull();

        world.complete(pi, AgreementProcess.SIGN_AS_UNIT, LEADER, Map.of("unitSigned", true));
        assertThat(escalations.forTask(sign.getId())).allSatisfy(e -> assertThat(e.taskDoneAt()).isNotNull());
    }

    @Test
    void aTaskDoneBeforeItsReminderSendsNothing() throws Exception {
        ProcessInstance pi = negotiatedUpToTheUnitLeader();
        world.run(pi, "signAgreementAsUnit_reminderDue");
        world.complete(pi, AgreementProcess.SIGN_AS_UNIT, LEADER, Map.of("unitSigned", true));
        world.run(pi, "remind_signAgreementAsUnit_reminder");
        assertThat(smtp.waitForIncomingEmail(1_000, 1)).as("no mail for a task already done").isFalse();
    }

    @Test
    void aDelegatedSignatureIsRecordedAndOnlyTheLeaderMaySign() {
        ProcessInstance pi = negotiatedUpToTheUnitLeader();
        Task sign = world.task(pi, AgreementProcess.SIGN_AS_UNIT);

        world.as(OTHER_LIAISON);
        assertThat(engine.getTaskService().createTaskQuery().taskId(sign.getId()).count()).as("another unit sees nothing").isZero();
        assertThatThrownBy(() -> engine.getTaskService().complete(sign.getId(), Map.of("unitSigned", true)))
                .isInstanceOf(AuthorizationException.class);

        world.as(LEADER);
        engine.getTaskService().claim(sign.getId(), LEADER);
        engine.getTaskService().delegateTask(sign.getId(), LIAISON);
        world.as(LIAISON);
        engine.getTaskService().resolveTask(sign.getId());
        world.complete(pi, AgreementProcess.SIGN_AS_UNIT, LEADER, Map.of("unitSigned", true));

        assertThat(agreements.signatures(pi.getId())).singleElement()
                .satisfies(s -> {
                    assertThat(s.signedBy()).isEqualTo(LEADER);
                    assertThat(s.delegatedTo()).isEqualTo(LIAISON);
                });
    }

    @Test
    void theStreetCommitteeSendsTheAgreementBackToBeDraftedAgain() {
        ProcessInstance pi = negotiatedUpToTheUnitLeader();
        world.complete(pi, AgreementProcess.SIGN_AS_UNIT, LEADER, Map.of("unitSigned", true));
        world.complete(pi, AgreementProcess.SIGN_AS_COMMUNITY, SECRETARY, Map.of("communitySigned", true));
        world.complete(pi, AgreementProcess.FILE, STREET, Map.of("filingDecision", "return", "filingReason", "需求清单过于笼统"));

        Task redraft = world.task(pi, AgreementProcess.DRAFT);
        assertThat(redraft).isNotNull();
        assertThat(redraft.getAssignee()).isEqualTo(STAFF);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "filingReturnReason")).isEqualTo("需求清单过于笼统");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber")).isNull();
    }

    @Test
    void aQuarterStartsOneCommitmentCycleExactlyOnce() {
        ProcessInstance pi = world.activeAgreement("2027-01-01", "2028-12-31");
        String number = (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber");

        assertThat(world.job(pi, "quarterStarted").getDuedate())
                .isEqualTo(Date.from(java.time.LocalDate.of(2027, 1, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        TestClock.at(Instant.parse("2027-01-01T00:00:05Z"));
        world.run(pi, "quarterStarted");
        world.run(pi, "callJointMeeting");
        world.run(pi, "callPerformanceReview");

        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q1").processDefinitionKey("quarterly-commitment").count()).isEqualTo(1);
        Task commitments = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number + "/2027-Q1").singleResult();
        assertThat(commitments.getTaskDefinitionKey()).as("the quarter opens with its project list").isEqualTo("prepareProjects");
        assertThat(engine.getTaskService().getIdentityLinksForTask(commitments.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("community-heping-staff"));
        assertThat(engine.getTaskService().getVariable(commitments.getId(), "projects").toString()).as("the agreement's needs, offered")
                .isEqualTo("[{\"title\":\"关爱空巢老人\",\"description\":\"每月上门探访\"},{\"title\":\"青少年课后托管\",\"description\":\"\"}]");
        ProcessInstance meeting = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("joint-meeting")
                .processInstanceBusinessKey("heping/2027-Q1").singleResult();
        assertThat(meeting).as("the quarter's joint meeting, called by itself").isNotNull();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(meeting.getId()).singleResult().getTaskDefinitionKey())
                .as("the secretary sets its date").isEqualTo("scheduleMeeting");
        assertThat(world.job(pi, "quarterStarted").getDuedate()).as("the next quarter")
                .isEqualTo(Date.from(java.time.LocalDate.of(2027, 4, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

        // the same quarter's step again (a retried timer job, a repeated timer) starts nothing new
        engine.getRuntimeService().createProcessInstanceModification(pi.getId())
                .startBeforeActivity("startQuarterlyCommitment")
                .execute();
        world.run(pi, "callJointMeeting");
        world.run(pi, "callPerformanceReview");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q1").count()).isEqualTo(1);
        assertThat(agreements.quarterStarted(number, "2027-Q1")).isTrue();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("joint-meeting")
                .processInstanceBusinessKey("heping/2027-Q1").count()).as("the community's one meeting of the quarter").isEqualTo(1);
    }

    @Test
    void bothSidesAreRemindedToRenewSixtyDaysBeforeTheEnd() throws Exception {
        ProcessInstance pi = world.activeAgreement("2027-01-01", "2027-12-31");
        assertThat(world.job(pi, "renewalDue").getDuedate())
                .isEqualTo(Date.from(java.time.LocalDate.of(2027, 11, 1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        world.run(pi, "renewalDue");
        world.run(pi, "sendRenewalReminder");
        MimeMessage mail = onlyMail(smtp);
        assertThat(mail.getSubject()).contains("续签提醒", "2027-12-31");
        assertThat(to(mail)).contains("zhangjianguo@school.example.cn", "yangxue@school.example.cn",
                "wangfang@heping.example.cn", "liuyang@heping.example.cn");
    }

    @Test
    void atTheEndOfTheTermTheAgreementExpires() throws Exception {
        ProcessInstance pi = world.activeAgreement("2027-01-01", "2027-06-30");
        String number = (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber");
        world.run(pi, "termEnded");
        world.run(pi, "expireAgreement");
        assertThat(agreements.find(number).orElseThrow().status()).isEqualTo("EXPIRED");
        // no quarter of the term started (the clock stands before it): there is no last quarter to review
        world.run(pi, "callFinalReview");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(onlyMail(smtp).getSubject()).contains("协议期满");
    }

    @Test
    void eitherSideMayTerminateWithAReasonAndTheOthersAreTold() throws Exception {
        ProcessInstance pi = world.activeAgreement("2027-01-01", "2028-12-31");
        String number = (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber");
        engine.getRuntimeService().createMessageCorrelation(AgreementProcess.TERMINATION_MESSAGE)
                .processInstanceId(pi.getId())
                .setVariable("terminatedBy", LEADER)
                .setVariable("terminationReason", "单位整体搬迁出本社区")
                .correlate();
        world.run(pi, "terminateAgreement");

        Agreements.Agreement ended = agreements.find(number).orElseThrow();
        assertThat(ended.status()).isEqualTo("TERMINATED");
        assertThat(ended.endReason()).isEqualTo("单位整体搬迁出本社区");
        assertThat(ended.endedBy()).isEqualTo(LEADER);
        MimeMessage mail = onlyMail(smtp);
        assertThat(to(mail)).contains("wangfang@heping.example.cn", "lihua@xinhua.example.cn", "zhoumin@xinhua.example.cn");
        assertThat(plainText(mail)).contains("单位整体搬迁出本社区");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aMailServerOutageDelaysTheEscalationButLosesAndRepeatsNothing() throws Exception {
        ProcessInstance pi = negotiatedUpToTheUnitLeader();
        world.run(pi, "signAgreementAsUnit_reminderDue");
        String jobId = world.job(pi, "remind_signAgreementAsUnit_reminder").getId();

        // the mail server goes away: nothing listens where mail is sent
        int port = mailSender.getPort();
        mailSender.setPort(unusedPort());
        try {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).isNotNull();
            var failed = engine.getManagementService().createJobQuery().jobId(jobId).singleResult();
            assertThat(failed.getRetries()).as("tried again later").isGreaterThan(0);
            assertThat(failed.getDuedate()).as("with backoff").isAfter(Date.from(TestClock.now()));
            assertThat(failed.getExceptionMessage()).isNotBlank();
            assertThat(escalations.forTask(world.task(pi, AgreementProcess.SIGN_AS_UNIT).getId())).isEmpty();
            assertThat(world.task(pi, AgreementProcess.SIGN_AS_UNIT)).as("the business step stands").isNotNull();

            engine.getManagementService().setJobRetries(jobId, 1);
            assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId)).isNotNull();
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
                    .as("an incident in Cockpit").isEqualTo(1);
        } finally {
            mailSender.setPort(port);
        }
        engine.getManagementService().setJobRetries(jobId, 1);
        engine.getManagementService().executeJob(jobId);
        assertThat(to(onlyMail(smtp))).containsExactly("zhangjianguo@school.example.cn");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    private static int unusedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
