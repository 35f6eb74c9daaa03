package org.gongjian.agreement;

import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.Mails;
import org.gongjian.activity.Activities;
import org.gongjian.commitment.QuarterlyReports;
import org.gongjian.review.ReviewWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.Mails.subjects;
import static org.gongjian.agreement.AgreementWorld.*;

/**
 * An agreement that ends — terminated early or expired — ends what was started under it: its
 * quarter's commitment, the activities and the fund transfer it started. Nothing stays running
 * under the agreement's number, history says why each ended, the activities count as cancelled,
 * and those who held their tasks are told.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class AnEndedAgreementStopsWhatItStartedTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired Activities activities;
    @Autowired GreenMail embeddedSmtpServer;
    @Autowired EndEverythingUnderAgreement underIt;
    @Autowired QuarterlyReports reports;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void terminatingAnAgreementEndsItsQuarterActivitiesAndTransferWithTheReason() throws Exception {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance agreement = world.activeAgreement("2027-01-01", "2027-12-31");
        String number = number(agreement);
        List<Long> committed = aQuarterRunning(world, agreement, number);
        embeddedSmtpServer.purgeEmailFromAllMailboxes();

        engine.getRuntimeService().createMessageCorrelation(AgreementProcess.TERMINATION_MESSAGE)
                .processInstanceId(agreement.getId())
                .setVariable("terminatedBy", LEADER)
                .setVariable("terminationReason", "单位整体搬迁出本社区")
                .correlate();
        world.run(agreement, "terminateAgreement");

        assertNothingRunsUnder(number, "单位整体搬迁出本社区");
        for (long id : committed) {
            Activities.Activity a = activities.find(id).orElseThrow();
            assertThat(a.status()).isEqualTo(Activities.CANCELLED);
        }
        assertThat(subjects(Mails.to(embeddedSmtpServer, "yangxue@school.example.cn")))
                .as("the liaison held the activities' publication").contains("【协议结束】共建协议 " + number + " 下的待办已撤销");
        QuarterlyReports.Report report = reports.find(number, "2027-Q1").orElseThrow();
        assertThat(report.committed()).isEqualTo(1);
        assertThat(report.cancelled()).as("the cut-off quarter counts its cancelled activity").isEqualTo(1);
        assertThat(Mails.to(embeddedSmtpServer, "lihua@xinhua.example.cn")).as("the street committee got the quarter's report")
                .anySatisfy(m -> assertThat(m.getSubject()).startsWith("【季度报告】新华第一实验小学 · 2027-Q1"));
    }

    @Test
    void anExpiringAgreementEndsWhatRunsUnderIt() throws Exception {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance agreement = world.activeAgreement("2027-01-01", "2027-06-30");
        String number = number(agreement);
        List<Long> committed = aQuarterRunning(world, agreement, number);

        at(Instant.parse("2027-06-30T16:00:05Z"));
        world.run(agreement, "termEnded");
        world.run(agreement, "expireAgreement");

        assertNothingRunsUnder(number, "协议期满");
        assertThat(committed).allSatisfy(id -> assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.CANCELLED));
    }

    @Test
    void endingAgainFindsNothingAndChangesNothing() throws Exception {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance agreement = world.activeAgreement("2027-01-01", "2027-12-31");
        String number = number(agreement);
        aQuarterRunning(world, agreement, number);
        // a second run (a retried job) after the first: nothing is left to end, and no mail goes
        engine.getRuntimeService().createMessageCorrelation(AgreementProcess.TERMINATION_MESSAGE)
                .processInstanceId(agreement.getId())
                .setVariable("terminatedBy", LEADER).setVariable("terminationReason", "重复").correlate();
        world.run(agreement, "terminateAgreement");
        assertThat(underIt.end(engine, number, "again")).isZero();
    }

    @Test
    void aQuarterTheTermCutsShortEndsOnTheTermsLastDay() {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance agreement = world.activeAgreement("2027-01-01", "2027-02-15");
        String number = number(agreement);
        at(Instant.parse("2027-01-01T00:00:05Z"));
        world.run(agreement, "quarterStarted");
        world.run(agreement, "callJointMeeting");
        world.run(agreement, "callPerformanceReview");
        ProcessInstance quarter = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q1").singleResult();
        assertThat(engine.getRuntimeService().getVariable(quarter.getId(), "quarterEnd")).isEqualTo("2027-02-15");
    }

    @Test
    void anEndingRetriedAfterAFailureMailsNobodyTwiceAndCancelsTheActivityAsAnyCancellation() throws Exception {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance agreement = world.activeAgreement("2027-01-01", "2027-12-31");
        String number = number(agreement);
        long activity = aQuarterRunning(world, agreement, number).get(0);
        embeddedSmtpServer.purgeEmailFromAllMailboxes();
        String withdrawn = "【协议结束】共建协议 " + number + " 下的待办已撤销";
        String broken = "【承诺未履行】新华第一实验小学 · " + activities.find(activity).orElseThrow().title() + " · 活动已取消";

        // a first attempt mails, then fails: everything it changed is rolled back, what it mailed is recorded
        new TransactionTemplate(transactions).executeWithoutResult(attempt -> {
            assertThat(underIt.end(engine, number, "第一次尝试失败")).isEqualTo(3);
            attempt.setRollbackOnly();
        });
        assertThat(activities.find(activity).orElseThrow().status()).as("rolled back").isNotEqualTo(Activities.CANCELLED);
        assertThat(mails("yangxue@school.example.cn", withdrawn)).isEqualTo(1);
        assertThat(mails("zhangjianguo@school.example.cn", broken)).isEqualTo(1);

        engine.getRuntimeService().createMessageCorrelation(AgreementProcess.TERMINATION_MESSAGE)
                .processInstanceId(agreement.getId())
                .setVariable("terminatedBy", LEADER).setVariable("terminationReason", "单位整体搬迁出本社区").correlate();
        world.run(agreement, "terminateAgreement");

        assertNothingRunsUnder(number, "单位整体搬迁出本社区");
        assertThat(activities.find(activity).orElseThrow().status()).isEqualTo(Activities.CANCELLED);
        assertThat(mails("yangxue@school.example.cn", withdrawn)).as("told once").isEqualTo(1);
        assertThat(mails("zhangjianguo@school.example.cn", broken)).as("told once").isEqualTo(1);
    }

    @Test
    void aQuarterStartDueWithTheTermsEndStartsNoQuarterOutsideTheTerm() {
        ReviewWorld.forgetReviewsOf(jdbc, SCHOOL);
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance agreement = world.activeAgreement("2027-01-01", "2027-03-31");
        String number = number(agreement);
        at(Instant.parse("2027-01-01T00:00:05Z"));
        world.run(agreement, "quarterStarted");
        world.run(agreement, "callJointMeeting");
        world.run(agreement, "callPerformanceReview");
        assertThat(world.job(agreement, "quarterStarted").getDuedate()).as("no quarter start falls due with the term's end")
                .isAfter(world.job(agreement, "termEnded").getDuedate());

        // 2027-04-01 00:00 in Heping: the term is over; the next quarter's start runs first, as a job executor may run it
        at(Instant.parse("2027-03-31T16:00:05Z"));
        world.run(agreement, "quarterStarted");
        world.run(agreement, "callJointMeeting");
        world.run(agreement, "callPerformanceReview");
        world.run(agreement, "termEnded");
        world.run(agreement, "expireAgreement");
        world.run(agreement, "callFinalReview");

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q2").count()).as("a commitment for 2027-Q2").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q1").count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(agreement.getId()).count())
                .as("the agreement expired").isZero();
        List<ProcessInstance> reviews = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(number + "/review/%").list();
        assertThat(reviews).extracting(ProcessInstance::getBusinessKey).as("the term's one quarter and its year reviewed")
                .containsExactlyInAnyOrder(number + "/review/2027-Q1", number + "/review/2027");
        reviews.forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test over"));
    }

    private void assertNothingRunsUnder(String number, String reason) {
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(EndEverythingUnderAgreement.prefix(number) + "%").count())
                .as("running under " + number).isZero();
        List<HistoricProcessInstance> ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyLike(number + "/%").list();
        assertThat(ended).extracting(HistoricProcessInstance::getProcessDefinitionKey)
                .contains("quarterly-commitment", "activity", "fund-transfer");
        assertThat(ended).allSatisfy(h -> assertThat(h.getDeleteReason()).contains(reason));
    }

    /** Q1 opened, one activity and an instalment committed and approved: three instances running under the agreement. */
    private List<Long> aQuarterRunning(AgreementWorld world, ProcessInstance agreement, String number) {
        at(Instant.parse("2027-01-01T00:00:05Z"));
        world.run(agreement, "quarterStarted");
        world.run(agreement, "callJointMeeting");
        world.run(agreement, "callPerformanceReview");
        ProcessInstance quarter = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q1").singleResult();
        submit(quarter, "prepareProjects", STAFF, "{}");
        submit(quarter, "submitCommitments", LIAISON, """
                {"activities": {"type": "Json", "value": "[{\\"date\\": \\"2027-01-20\\", \\"place\\": \\"学校操场\\", \\"places\\": 20, \\"title\\": \\"社区公园清洁\\", \\"volunteers\\": 5, \\"hours\\": 3}]"},
                 "fundInstalment": {"value": 5000}}""");
        submit(quarter, "approveCommitments", STAFF, "{\"approvalDecision\": {\"value\": \"approve\"}}");
        run(quarter, "startActivities");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(number + "/%").list())
                .extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder(number + "/2027-Q1", number + "/2027-Q1/1", number + "/2027-Q1/funds");
        ProcessInstance cleaning = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q1/1").singleResult();
        return List.of(((Number) engine.getRuntimeService().getVariable(cleaning.getId(), "activityId")).longValue());
    }

    /** How many mails with this subject reached the address (GreenMail keeps a copy per recipient). */
    private long mails(String address, String subject) {
        return Mails.to(embeddedSmtpServer, address).stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count();
    }

    private String number(ProcessInstance agreement) {
        return (String) engine.getRuntimeService().getVariable(agreement.getId(), "agreementNumber");
    }

    private static void at(Instant instant) {
        TestClock.at(instant);
    }

    private void submit(ProcessInstance pi, String taskKey, String user, String variables) {
        ThroughRest.submit(engine, rest, pi, taskKey, user, variables);
    }

    private void run(ProcessInstance pi, String activityId) {
        ThroughRest.run(engine, pi, activityId);
    }
}
