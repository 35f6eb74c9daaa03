package org.gongjian.agreement;

import java.time.Duration;
import java.util.Base64;
import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.Mails;
import org.gongjian.activity.Activities;
import org.gongjian.activity.PointsLedger;
import org.gongjian.commitment.QuarterlyReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.Mails.subjects;
import static org.gongjian.agreement.AgreementWorld.*;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One quarter of an agreement in force, as the demo shows it: the quarter opens its commitment,
 * the liaison commits two activities, residents sign up and check in on the public pages, one
 * activity's evidence is verified and its points reach the board, the other's never comes, so it
 * is escalated, missed and its points visibly reversed, and the quarter's report counts both.
 * People act through /engine-rest and the pages, as outside clients do; only time is moved here.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class OneQuarterOfAnAgreementTest {

    static final Instant QUARTER_START = Instant.parse("2027-01-01T00:00:05Z");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired MockMvc mvc;
    @Autowired Activities activities;
    @Autowired PointsLedger ledger;
    @Autowired QuarterlyReports reports;
    @Autowired GreenMail embeddedSmtpServer;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void anActiveAgreementsQuarterIsCommittedKeptMissedAndReported() throws Exception {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance agreement = world.activeAgreement("2027-01-01", "2027-12-31");
        String number = (String) engine.getRuntimeService().getVariable(agreement.getId(), "agreementNumber");

        // the quarter opens by itself
        at(QUARTER_START);
        world.run(agreement, "quarterStarted");
        world.run(agreement, "callJointMeeting");
        world.run(agreement, "callPerformanceReview");
        ProcessInstance quarter = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(number + "/2027-Q1").singleResult();

        submit(quarter, "prepareProjects", STAFF, "{}");
        submit(quarter, "submitCommitments", LIAISON, """
                {"activities": {"type": "Json", "value": "[{\\"date\\": \\"2027-01-20\\", \\"place\\": \\"学校操场\\", \\"places\\": 20, \\"title\\": \\"社区公园清洁\\", \\"volunteers\\": 5, \\"hours\\": 3, \\"kind\\": \\"\\"}, {\\"date\\": \\"2027-02-10\\", \\"place\\": \\"多功能厅\\", \\"places\\": 10, \\"title\\": \\"周末课堂\\", \\"volunteers\\": 3, \\"hours\\": 2, \\"kind\\": \\"教育辅导\\"}]"},
                 "fundInstalment": {"value": 0}}""");
        submit(quarter, "approveCommitments", STAFF, "{\"approvalDecision\": {\"value\": \"approve\"}}");
        run(quarter, "startActivities");
        ProcessInstance cleaning = activityProcess(number + "/2027-Q1/1");
        ProcessInstance classes = activityProcess(number + "/2027-Q1/2");
        submit(cleaning, "publishActivity", LIAISON, "{}");
        submit(classes, "publishActivity", LIAISON, "{}");
        long cleaningId = activityId(cleaning);
        long classesId = activityId(classes);

        // residents sign up on the public pages, without an account
        String wang = "138" + String.format("%08d", System.nanoTime() % 100_000_000);
        String zhao = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
        signUp(cleaningId, "王秀英", wang);
        signUp(cleaningId, "赵强", zhao);
        signUp(classesId, "王秀英", wang);
        mvc.perform(get("/board/heping")).andExpect(status().isOk())
                .andExpect(content().string(containsString("社区公园清洁"))).andExpect(content().string(containsString("周末课堂")));

        // on each day, they check in with the venue's code
        at(Instant.parse("2027-01-20T01:30:00Z"));
        checkIn(cleaningId, wang);
        checkIn(cleaningId, zhao);
        at(Instant.parse("2027-02-10T01:30:00Z"));
        checkIn(classesId, wang);
        assertThat(ledger.balance(PointsLedger.PERSON, wang)).isEqualTo(20);

        // the cleaning: evidence with a photo, verified by the community
        at(Instant.parse("2027-01-20T05:00:00Z"));
        run(cleaning, "reminderDue");
        run(cleaning, "remindParticipants");
        run(cleaning, "activityEnded");
        submit(cleaning, "submitEvidence", LIAISON, "{\"evidenceSummary\": {\"value\": \"清理公园落叶，12 人参加\"}, "
                + "\"photo1\": {\"type\": \"File\", \"value\": \"" + Base64.getEncoder().encodeToString(JPEG) + "\", "
                + "\"valueInfo\": {\"filename\": \"公园.jpg\", \"mimeType\": \"image/jpeg\", \"transient\": true}}}");
        assertThat(activities.photos(cleaningId)).extracting(Activities.Photo::fileName).containsExactly("公园.jpg");
        submit(cleaning, "verifyEvidence", STAFF, "{\"verifyDecision\": {\"value\": \"accept\"}}");
        run(cleaning, "inviteRatings");
        assertThat(ledger.ofActivity(cleaningId)).filteredOn(e -> e.accountType().equals(PointsLedger.UNIT))
                .extracting(PointsLedger.Entry::points).containsExactly(20 + 2 * 2);
        mvc.perform(get("/board/heping")).andExpect(content().string(containsString("履约活动：社区公园清洁（签到 2 人）")));

        // the classes: no evidence, so the ladder runs to the end and the activity is missed
        at(Instant.parse("2027-02-10T04:00:00Z"));
        run(classes, "reminderDue");
        run(classes, "remindParticipants");
        run(classes, "activityEnded");
        Instant ended = Instant.parse("2027-02-10T04:00:00Z");
        for (String[] rung : new String[][] {{"5", "reminder", "remind"}, {"7", "escalation1", "escalate"}, {"10", "escalation2", "escalate"}}) {
            at(ended.plus(Duration.ofDays(Long.parseLong(rung[0]))));
            run(classes, "submitEvidence_" + rung[1] + "Due");
            run(classes, rung[2] + "_submitEvidence_" + rung[1]);
        }
        at(ended.plus(Duration.ofDays(14)));
        run(classes, "evidenceOverdue");
        run(classes, "recordMissedActivity");
        assertThat(activities.find(classesId).orElseThrow().status()).isEqualTo(Activities.MISSED);
        assertThat(ledger.balance(PointsLedger.PERSON, wang)).as("the missed activity's points reversed").isEqualTo(10);
        mvc.perform(get("/board/heping")).andExpect(content().string(containsString("冲正：活动未履约（周末课堂）")));
        assertThat(subjects(Mails.to(embeddedSmtpServer, "lihua@xinhua.example.cn"))).contains("【承诺未履行】新华第一实验小学 · 周末课堂 · 活动未履约");

        // the quarter ends: its report counts what was kept and what was missed
        at(Instant.parse("2027-04-01T00:00:05Z"));
        run(quarter, "quarterEnded");
        run(quarter, "reportQuarter");
        QuarterlyReports.Report report = reports.find(number, "2027-Q1").orElseThrow();
        assertThat(List.of(report.committed(), report.kept(), report.missed(), report.cancelled(), report.stillOpen()))
                .containsExactly(2, 1, 1, 0, 0);
        mvc.perform(get("/reports/{n}/{q}", number, "2027-Q1").with(user(STREET).authorities(() -> "GROUP_street-committee")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("周末课堂")));
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

    private ProcessInstance activityProcess(String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("activity")
                .processInstanceBusinessKey(businessKey).singleResult();
    }

    private long activityId(ProcessInstance pi) {
        return ((Number) engine.getRuntimeService().getVariable(pi.getId(), "activityId")).longValue();
    }

    private void signUp(long activityId, String name, String phone) throws Exception {
        mvc.perform(post("/a/{id}", activityId).with(csrf()).with(r -> {
                    r.setRemoteAddr("10.9." + (phone.hashCode() & 0xff) + ".1");
                    return r;
                }).param("name", name).param("phone", phone))
                .andExpect(status().isFound());
    }

    private void checkIn(long activityId, String phone) throws Exception {
        String code = activities.find(activityId).orElseThrow().checkinCode();
        mvc.perform(post("/a/{id}/checkin", activityId).with(csrf()).param("c", code).param("phone", phone))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
    }
}
