package org.gongjian.review;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.ForeignVariables;
import org.gongjian.GongjianTest;
import org.gongjian.Mails;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.review.ReviewWorld.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The school's review of 2027-Q1, from the quarter's end to the leader's acknowledgement and the rectification a
 * failing result brings: every person's part through their own form, every deadline with its ladder.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class PerformanceReviewProcessTest {

    static final LocalDate Q2 = LocalDate.of(2027, 4, 1);

    @Autowired ProcessEngine engine;
    @Autowired GreenMail smtp;
    @Autowired TestRestTemplate rest;
    @Autowired Reviews reviews;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReviewObjections objections;
    @Autowired MockMvc mvc;

    ReviewWorld world;

    @BeforeEach
    void schoolInForce() throws Exception {
        world = new ReviewWorld(engine, rest, reviews).schoolInForceFor2027(jdbc);
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void nobody() {
        world.nobody();
    }

    @Test
    void aQuarterEndStartsOneReviewPerUnitAndPeriod() {
        assertThat(reviews.byBusinessKey(SCHOOL + "/2026-Q4")).as("the term had not begun in 2026-Q4").isEmpty();

        world.quarterStarts(Q2);
        ProcessInstance pi = world.review("2027-Q1");
        Reviews.Review r = world.record(pi);
        assertThat(r.kind()).isEqualTo(ReviewProcess.QUARTERLY);
        assertThat(r.periodStart()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(r.periodEnd()).isEqualTo(Q2);
        assertThat(pi.getBusinessKey()).as("under the agreement, so that it ends with it").endsWith("/review/2027-Q1");

        // the same step again (a retried job) starts nothing new
        engine.getRuntimeService().createProcessInstanceModification(world.agreement.getId())
                .startBeforeActivity("callPerformanceReview").execute();
        world.runAll(world.agreement, "callPerformanceReview");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ReviewProcess.KEY)
                .variableValueEquals(ReviewProcess.REVIEW_ID, r.id()).count()).isOne();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ReviewProcess.KEY)
                .processInstanceBusinessKeyLike("%/review/2027-Q1").variableValueEquals(ReviewProcess.UNIT_ID, SCHOOL).count())
                .isOne();
    }

    @Test
    void theFiguresAreScoredAndTheLiaisonReportsThroughTheFormsFieldOnly() throws Exception {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.scored("2027-Q1");
        Reviews.Review r = world.record(pi);
        assertThat(r.computedScore()).isNotNull();
        assertThat(r.computedGrade()).isIn("优秀", "良好", "合格", "不合格");

        Task report = world.task(pi, ReviewProcess.WRITE_SELF_REPORT);
        assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("unit-school-liaison");
        assertThat(report.getDueDate()).as("10 days").isEqualTo(Date.from(TestClock.now().plus(Duration.ofDays(10))));
        assertThat((String) engine.getTaskService().getVariable(report.getId(), ReviewProcess.REVIEW_TEXT))
                .contains("新华第一实验小学", "2027-Q1", r.computedGrade());

        ResponseEntity<String> empty = world.submit(report, LIAISON, Map.of(ReviewProcess.SELF_REPORT, " "));
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(message(empty)).contains("selfReport");
        ForeignVariables.refusedThenValidAccepted(engine, rest, report, LIAISON,
                new HashMap<>(Map.of(ReviewProcess.SELF_REPORT, "本季度开放操场两次")), "computedScore", 100);
        assertThat(world.record(pi).selfReport()).isEqualTo("本季度开放操场两次");
        assertThat(world.record(pi).computedScore()).as("unchanged by what was sent").isEqualTo(r.computedScore());
    }

    @Test
    void anUnwrittenSelfReportEscalatesToTheLeaderThenTheStreetCommittee() throws Exception {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.scored("2027-Q1");
        Instant created = TestClock.now();
        TestClock.at(created.plus(Duration.ofDays(7)));
        world.escalates(pi, ReviewProcess.WRITE_SELF_REPORT, "reminder");
        assertThat(Mails.subjects(Mails.to(smtp, "yangxue@school.example.cn"))).anySatisfy(s -> assertThat(s).contains("撰写自评报告"));
        TestClock.at(created.plus(Duration.ofDays(11)));
        world.escalates(pi, ReviewProcess.WRITE_SELF_REPORT, "escalation-1");
        assertThat(Mails.subjects(Mails.to(smtp, "zhangjianguo@school.example.cn"))).anySatisfy(s -> assertThat(s).contains("撰写自评报告"));
        TestClock.at(created.plus(Duration.ofDays(15)));
        world.escalates(pi, ReviewProcess.WRITE_SELF_REPORT, "escalation-2");
        assertThat(Mails.subjects(Mails.to(smtp, "lihua@xinhua.example.cn"))).anySatisfy(s -> assertThat(s).contains("撰写自评报告"));
        assertThat(world.task(pi, ReviewProcess.WRITE_SELF_REPORT)).as("still the liaison's to write").isNotNull();
    }

    @Test
    void anAssessmentFarFromTheRecordNeedsAReasonAndARatingIsOneToFive() {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.scored("2027-Q1");
        world.submitted(world.task(pi, ReviewProcess.WRITE_SELF_REPORT), LIAISON, Map.of(ReviewProcess.SELF_REPORT, "已完成"));
        BigDecimal computed = world.record(pi).computedScore();
        BigDecimal far = computed.compareTo(BigDecimal.valueOf(50)) > 0 ? computed.subtract(BigDecimal.valueOf(30))
                : computed.add(BigDecimal.valueOf(30));

        Task assess = world.task(pi, ReviewProcess.ASSESS_UNIT);
        ResponseEntity<String> noReason = world.submit(assess, SECRETARY, Map.of(
                ReviewProcess.ASSESSED_SCORE, far, ReviewProcess.ASSESSMENT_REASON, ""));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(message(noReason)).contains("assessmentReason");
        ResponseEntity<String> over = world.submit(assess, SECRETARY, Map.of(
                ReviewProcess.ASSESSED_SCORE, 101, ReviewProcess.ASSESSMENT_REASON, "很好"));
        assertThat(message(over)).contains("assessedScore");
        assertThat(world.record(pi).assessedScore()).as("nothing recorded").isNull();
        world.submitted(assess, SECRETARY, Map.of(ReviewProcess.ASSESSED_SCORE, far,
                ReviewProcess.ASSESSMENT_REASON, "操场开放受到居民普遍好评，记录未能反映"));
        assertThat(world.record(pi).assessedScore()).isEqualByComparingTo(far);

        Task rate = world.task(pi, ReviewProcess.RATE_UNIT);
        assertThat(rate.getAssignee()).as("each representative their own task").isEqualTo(RESIDENT);
        for (String stars : new String[] {"0", "6"}) {
            ResponseEntity<String> wrong = world.submit(rate, RESIDENT, Map.of(
                    ReviewProcess.ABSTAIN, false, ReviewProcess.STARS, stars, ReviewProcess.RATING_COMMENT, ""));
            assertThat(wrong.getStatusCode().value()).as(stars).isEqualTo(400);
            assertThat(message(wrong)).contains("stars");
        }
        assertThat(reviews.ratings(world.record(pi).id())).singleElement()
                .satisfies(x -> assertThat(x.state()).isEqualTo("MISSING"));
        world.submitted(rate, RESIDENT, Map.of(ReviewProcess.ABSTAIN, true, ReviewProcess.STARS, "",
                ReviewProcess.RATING_COMMENT, "对该单位不了解"));
        assertThat(reviews.ratings(world.record(pi).id())).singleElement()
                .satisfies(x -> assertThat(x.state()).as("an abstention, not a zero").isEqualTo("ABSTAINED"));
        assertThat(world.task(pi, ReviewProcess.CONFIRM_AT_MEETING)).isNotNull();
    }

    @Test
    void aRatingNotGivenWhenTheWindowClosesIsRecordedAsMissing() {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.scored("2027-Q1");
        world.submitted(world.task(pi, ReviewProcess.WRITE_SELF_REPORT), LIAISON, Map.of(ReviewProcess.SELF_REPORT, "已完成"));
        world.submitted(world.task(pi, ReviewProcess.ASSESS_UNIT), SECRETARY, Map.of(
                ReviewProcess.ASSESSED_SCORE, world.record(pi).computedScore(), ReviewProcess.ASSESSMENT_REASON, ""));
        TestClock.at(TestClock.now().plus(Duration.ofDays(14)));
        world.run(pi, "ratingsClosed");
        assertThat(world.task(pi, ReviewProcess.RATE_UNIT)).isNull();
        assertThat(reviews.ratings(world.record(pi).id())).singleElement()
                .satisfies(x -> {
                    assertThat(x.state()).isEqualTo("MISSING");
                    assertThat(x.stars()).isNull();
                });
        assertThat(world.task(pi, ReviewProcess.CONFIRM_AT_MEETING)).isNotNull();
    }

    @Test
    void theStreetCommitteeReturnsTheAssessmentWithAReason() {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.scored("2027-Q1");
        world.readyForApproval(pi);
        Task approve = world.task(pi, ReviewProcess.APPROVE_REVIEW);
        ResponseEntity<String> noReason = world.submit(approve, STREET, Map.of(ReviewProcess.APPROVED, "false",
                ReviewProcess.RETURN_REASON, ""));
        assertThat(message(noReason)).contains("returnReason");
        world.submitted(approve, STREET, Map.of(ReviewProcess.APPROVED, "false", ReviewProcess.RETURN_REASON, "请核实活动记录"));
        Task again = world.task(pi, ReviewProcess.ASSESS_UNIT);
        assertThat(again).as("back with the secretary").isNotNull();
        assertThat((String) engine.getTaskService().getVariable(again.getId(), ReviewProcess.REVIEW_TEXT)).contains("请核实活动记录");
        assertThat(world.record(pi).returnedCount()).isOne();
    }

    @Test
    void approvedTheResultIsOnNoticeUntilItsObjectionIsAnsweredThenTheLeaderAcknowledgesAndTheUnitRectifies() throws Exception {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.approvedOnNotice("2027-Q1");
        Reviews.Review onNotice = world.record(pi);
        assertThat(onNotice.state()).isEqualTo("NOTICE");
        assertThat(world.job(pi, "noticeEnded").getDuedate().toInstant()).isEqualTo(onNotice.noticeUntil());

        // an objection during the window: a task for the street committee, with its text and without the objector
        objections.file(onNotice.id(), new ReviewObjections.Request("王大妈", "13900001111", "该单位的活动我们小区从未见过"),
                "10.0.0.7", TestClock.now());
        Task answer = world.task(pi, ReviewProcess.ANSWER_OBJECTION);
        assertThat(engine.getTaskService().getIdentityLinksForTask(answer.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("street-committee");
        assertThat((String) engine.getTaskService().getVariable(answer.getId(), ReviewProcess.OBJECTION_TEXT))
                .isEqualTo("该单位的活动我们小区从未见过").doesNotContain("13900001111");

        // the window closes with the objection unanswered: the result waits for its answer
        TestClock.at(onNotice.noticeUntil().plusSeconds(1));
        world.run(pi, "noticeEnded");
        assertThat(world.record(pi).finalScore()).as("not final while an objection is open").isNull();
        ResponseEntity<String> noAnswer = world.submit(answer, STREET, Map.of(ReviewProcess.UPHELD, "false", ReviewProcess.ANSWER, ""));
        assertThat(message(noAnswer)).contains("answer");
        world.submitted(answer, STREET, Map.of(ReviewProcess.UPHELD, "false",
                ReviewProcess.ANSWER, "经核实，该单位本季度在社区活动室开展活动两次，有签到记录"));
        Reviews.Review result = world.record(pi);
        assertThat(result.finalScore()).as("final once every objection is answered").isEqualByComparingTo(result.computedScore());
        assertThat(result.finalGrade()).isEqualTo(result.computedGrade());

        // the letter goes to the leader and the supervising body, once
        world.run(pi, "sendFeedbackLetter");
        for (String address : new String[] {"zhangjianguo@school.example.cn", "gaojun@edu.example.cn"}) {
            assertThat(Mails.subjects(Mails.to(smtp, address))).as(address)
                    .contains("【考核反馈函】新华第一实验小学 2027-Q1：" + ReviewTexts.points(result.finalScore()) + " 分，"
                            + result.finalGrade());
        }
        assertThat(world.record(pi).letterSentAt()).isNotNull();
        String page = mvc.perform(get("/reviews/" + result.id()).with(user(LIAISON).authorities(() -> "GROUP_unit-school-liaison")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).as("how the score came about, part by part").contains("score-parts", "履约");
        byte[] pdf = mvc.perform(get("/reviews/" + result.id() + "/letter.pdf").with(user(LEADER).authorities(() -> "GROUP_unit-school-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1))
                .contains("新华第一实验小学", result.finalGrade());
        int sent = smtp.getReceivedMessages().length;
        engine.getRuntimeService().createProcessInstanceModification(pi.getId()).startBeforeActivity("sendFeedbackLetter").execute();
        world.run(pi, "sendFeedbackLetter");
        assertThat(smtp.getReceivedMessages()).as("a repeated step sends nothing again").hasSize(sent);
        engine.getRuntimeService().createProcessInstanceModification(pi.getId())
                .cancelActivityInstance(engine.getRuntimeService().getActivityInstance(pi.getId())
                        .getActivityInstances(ReviewProcess.ACKNOWLEDGE_RESULT)[1].getId()).execute();

        Task acknowledge = world.task(pi, ReviewProcess.ACKNOWLEDGE_RESULT);
        assertThat(engine.getTaskService().getIdentityLinksForTask(acknowledge.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("unit-school-leader");
        ResponseEntity<String> unticked = world.submit(acknowledge, LEADER, Map.of(ReviewProcess.ACKNOWLEDGED, false));
        assertThat(message(unticked)).contains("acknowledged");
        world.submitted(acknowledge, LEADER, Map.of(ReviewProcess.ACKNOWLEDGED, true));
        assertThat(world.record(pi).acknowledgedBy()).isEqualTo(LEADER);

        // the school did nothing it had committed: a failing result, and a rectification it owes
        assertThat(result.finalGrade()).as("a unit with no commitments is graded on what it did").isEqualTo("不合格");
        Task plan = world.task(pi, ReviewProcess.PLAN_RECTIFICATION);
        LocalDate today = LocalDate.ofInstant(TestClock.now(), HEPING);
        ResponseEntity<String> past = world.submit(plan, LIAISON, Map.of(ReviewProcess.PLAN, "每月开放操场两次",
                ReviewProcess.DUE_ON, today.toString()));
        assertThat(message(past)).contains("dueOn");
        ResponseEntity<String> tooFar = world.submit(plan, LIAISON, Map.of(ReviewProcess.PLAN, "每月开放操场两次",
                ReviewProcess.DUE_ON, today.plusDays(91).toString()));
        assertThat(message(tooFar)).contains("dueOn");
        LocalDate dueOn = today.plusDays(30);
        world.submitted(plan, LIAISON, Map.of(ReviewProcess.PLAN, "每月开放操场两次", ReviewProcess.DUE_ON, dueOn.toString()));
        String board = rest.getForObject("/board/heping", String.class);
        assertThat(board).as("the rectification under way, on the public board").contains("整改中", "每月开放操场两次", dueOn.toString())
                .as("the objector stays unknown").doesNotContain("王大妈", "13900001111");

        Task verify = world.task(pi, ReviewProcess.VERIFY_RECTIFICATION);
        assertThat(verify.getDueDate().toInstant()).as("a week after the end of the day it was promised for")
                .isEqualTo(dueOn.plusDays(8).atStartOfDay(HEPING).toInstant());
        assertThat((String) engine.getTaskService().getVariable(verify.getId(), ReviewProcess.RECTIFICATION_TEXT))
                .contains("每月开放操场两次", dueOn.toString());
        world.submitted(verify, SECRETARY, Map.of(ReviewProcess.VERIFIED, "false", ReviewProcess.VERIFY_REASON, "只开放了一次"));
        Task again = world.task(pi, ReviewProcess.PLAN_RECTIFICATION);
        assertThat((String) engine.getTaskService().getVariable(again.getId(), ReviewProcess.RECTIFICATION_TEXT)).contains("只开放了一次");
        world.submitted(again, LIAISON, Map.of(ReviewProcess.PLAN, "每月开放操场两次，加开寒假", ReviewProcess.DUE_ON, dueOn.toString()));
        world.submitted(world.task(pi, ReviewProcess.VERIFY_RECTIFICATION), SECRETARY,
                Map.of(ReviewProcess.VERIFIED, "true", ReviewProcess.VERIFY_REASON, ""));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("rectified").count()).isOne();
        assertThat(reviews.get(result.id()).state()).isEqualTo("DONE");
    }

    @Test
    void anUpheldObjectionSendsTheResultBackToTheCommunityAndOnNoticeAgain() throws Exception {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.approvedOnNotice("2027-Q1");
        Reviews.Review first = world.record(pi);
        objections.file(first.id(), new ReviewObjections.Request("李师傅", "13900002222", "学校寒假开放操场的活动没有算进去"),
                "10.0.0.8", TestClock.now());
        world.submitted(world.task(pi, ReviewProcess.ANSWER_OBJECTION), STREET, Map.of(ReviewProcess.UPHELD, "true",
                ReviewProcess.ANSWER, "经核实异议成立，请社区按活动记录重新评价"));
        TestClock.at(first.noticeUntil().plusSeconds(1));
        world.run(pi, "noticeEnded");

        Reviews.Review reopened = world.record(pi);
        assertThat(reopened.finalScore()).as("an upheld objection keeps the result from becoming final").isNull();
        assertThat(reopened.state()).isEqualTo("ASSESSMENT");
        assertThat(reopened.returnedCount()).as("not a return of the approval step").isZero();
        Task again = world.task(pi, ReviewProcess.ASSESS_UNIT);
        assertThat((String) engine.getTaskService().getVariable(again.getId(), ReviewProcess.REVIEW_TEXT))
                .startsWith("**街道退回").contains("经核实异议成立，请社区按活动记录重新评价");
        assertThat(rest.getForObject("/board/heping", String.class)).as("the public sees the answer and the result reopened")
                .contains("异议成立 upheld", "经核实异议成立，请社区按活动记录重新评价", "社区评定中")
                .doesNotContain("李师傅", "13900002222");

        world.submitted(again, SECRETARY, Map.of(ReviewProcess.ASSESSED_SCORE, reopened.computedScore(),
                ReviewProcess.ASSESSMENT_REASON, ""));
        assertThat(world.task(pi, ReviewProcess.RATE_UNIT)).as("the representatives are not asked again").isNull();
        assertThat(reviews.ratings(first.id())).extracting(Reviews.Rating::stars).containsExactly(4);
        assertThat(world.record(pi).state()).isEqualTo("MEETING");
        world.submitted(world.task(pi, ReviewProcess.CONFIRM_AT_MEETING), SECRETARY, Map.of(
                ReviewProcess.MEETING_DECISION, "confirmed", ReviewProcess.MEETING_NOTE, "异议成立后重新确认"));
        world.submitted(world.task(pi, ReviewProcess.APPROVE_REVIEW), STREET, Map.of(ReviewProcess.APPROVED, "true",
                ReviewProcess.RETURN_REASON, ""));

        Reviews.Review second = world.record(pi);
        assertThat(second.state()).isEqualTo("NOTICE");
        assertThat(second.noticeFrom()).as("a new notice, for the full window").isAfter(first.noticeUntil());
        assertThat(Duration.between(second.noticeFrom(), second.noticeUntil()))
                .isGreaterThanOrEqualTo(Duration.ofDays(5));
        TestClock.at(second.noticeUntil().plusSeconds(1));
        world.run(pi, "noticeEnded");
        Reviews.Review result = world.record(pi);
        assertThat(result.finalScore()).as("final after the second notice, with nothing upheld in it").isNotNull();
        assertThat(world.job(pi, "sendFeedbackLetter")).isNotNull();
    }

    @Test
    void anUnacknowledgedResultEscalatesToTheSupervisingBody() throws Exception {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.approvedOnNotice("2027-Q1");
        TestClock.at(world.record(pi).noticeUntil().plusSeconds(1));
        world.run(pi, "noticeEnded");
        world.run(pi, "sendFeedbackLetter");
        Instant letter = TestClock.now();
        smtp.purgeEmailFromAllMailboxes();
        TestClock.at(letter.plus(Duration.ofDays(8)));
        world.escalates(pi, ReviewProcess.ACKNOWLEDGE_RESULT, "escalation-1");
        assertThat(Mails.subjects(Mails.to(smtp, "gaojun@edu.example.cn"))).anySatisfy(s -> assertThat(s).contains("签收考核结果"));
    }

    @Test
    void theTermsEndReviewsItsLastQuarterAndItsYearAndLetsTheReviewsUnderWayGoOn() {
        world.quarterStarts(Q2);
        world.quarterStarts(LocalDate.of(2027, 7, 1));
        world.quarterStarts(LocalDate.of(2027, 10, 1));
        ProcessInstance third = world.scored("2027-Q3");
        String number = (String) engine.getRuntimeService().getVariable(world.agreement.getId(), "agreementNumber");
        try {
            // 2028-01-01 in Heping: the term is over, and no quarter of it starts any more
            TestClock.at(ReviewWorld.at(LocalDate.of(2028, 1, 1), "00:00").plusSeconds(5));
            world.run(world.agreement, "termEnded");
            world.run(world.agreement, "expireAgreement");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(third.getId()).count())
                    .as("the third quarter's review goes on after the term").isOne();
            assertThat(world.record(third).state()).isEqualTo("SELF_REPORT");

            world.run(world.agreement, "callFinalReview");
            Reviews.Review last = reviews.byBusinessKey(SCHOOL + "/2027-Q4").orElseThrow();
            assertThat(last.kind()).isEqualTo(ReviewProcess.QUARTERLY);
            assertThat(last.periodStart()).isEqualTo(LocalDate.of(2027, 10, 1));
            assertThat(last.periodEnd()).isEqualTo(LocalDate.of(2028, 1, 1));
            Reviews.Review year = reviews.byBusinessKey(SCHOOL + "/2027").orElseThrow();
            assertThat(year.kind()).isEqualTo(ReviewProcess.ANNUAL);
            assertThat(year.periodStart()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(world.review("2027-Q4").getBusinessKey()).isEqualTo(number + "/review/2027-Q4");
            assertThat(world.review("2027")).as("the year's review runs").isNotNull();
            assertThat(reviews.ofUnit(SCHOOL)).extracting(Reviews.Review::period)
                    .containsExactly("2027-Q4", "2027-Q3", "2027-Q2", "2027-Q1", "2027");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(world.agreement.getId())
                    .count()).as("the agreement expired").isZero();
        } finally {
            // the reviews outlive the agreement: end them here, so that the next test's school starts clean
            for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(number + "/review/%").list()) {
                engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test over");
            }
        }
    }

    @Test
    void anEndedAgreementEndsItsReviewWithTheReason() {
        world.quarterStarts(Q2);
        ProcessInstance pi = world.scored("2027-Q1");
        long id = world.record(pi).id();
        world.endAgreementsInForce(SCHOOL);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        Reviews.Review r = reviews.get(id);
        assertThat(r.state()).isEqualTo("ENDED");
        assertThat(r.endReason()).contains("测试前结束本单位生效中的协议");
    }

    private static String message(ResponseEntity<String> answer) {
        return ReviewWorld.message(answer);
    }
}
