package org.gongjian.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.EngineWorld;
import org.gongjian.FormSubmissions;
import org.gongjian.TestClock;
import org.gongjian.agreement.AgreementWorld;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school's review as its people take part in it, each through their own task's form over {@code /engine-rest}:
 * an agreement in force for 2027, its first quarter over at the start of the second.
 */
public final class ReviewWorld extends EngineWorld {

    static final ZoneId HEPING = ZoneId.of("Asia/Shanghai");
    static final String SECRETARY = "wangfang";      // 和平社区 书记
    static final String STREET = "lihua";            // 街道党工委
    static final String RESIDENT = "zhaoguiying";    // 和平社区 居民代表
    static final String LIAISON = "yangxue";         // 新华第一实验小学 联络员
    static final String LEADER = "zhangjianguo";     // 新华第一实验小学 党组织书记
    static final String SUPERVISOR = "gaojun";       // 区教育局党委
    static final String SCHOOL = "school";

    private final FormSubmissions forms;
    private final Reviews reviews;
    ProcessInstance agreement;

    ReviewWorld(ProcessEngine engine, TestRestTemplate rest, Reviews reviews) {
        super(engine);
        this.forms = new FormSubmissions(rest);
        this.reviews = reviews;
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(HEPING).toInstant();
    }

    /**
     * The school's agreement for 2027, its first quarter started. The tests share one database and a unit has one
     * review per period: the school's earlier reviews, of other tests, are cleared first.
     */
    ReviewWorld schoolInForceFor2027(JdbcTemplate jdbc) {
        forgetReviewsOf(jdbc, SCHOOL);
        agreement = new AgreementWorld(engine).activeAgreement("2027-01-01", "2027-12-31");
        quarterStarts(LocalDate.of(2027, 1, 1));
        return this;
    }

    /** Clears the unit's review rows, left by other tests: a unit has one review per period, whatever its agreement. */
    public static void forgetReviewsOf(JdbcTemplate jdbc, String unitId) {
        for (String table : List.of("review_figure_record", "review_figure", "review_rating", "review_objection", "rectification")) {
            jdbc.update("DELETE FROM " + table + " WHERE review_id IN (SELECT id FROM review WHERE unit_id = ?)", unitId);
        }
        jdbc.update("DELETE FROM review WHERE unit_id = ?", unitId);
    }

    /** The agreement's quarter loop at the quarter's first moment: commitments, meeting, the reviews of what ended. */
    void quarterStarts(LocalDate day) {
        TestClock.at(at(day, "00:00").plusSeconds(5));
        run(agreement, "quarterStarted");
        run(agreement, "callJointMeeting");
        run(agreement, "callPerformanceReview");
    }

    /** The school's review of the period, scored: waiting for the liaison's self-report. */
    ProcessInstance scored(String period) {
        ProcessInstance pi = review(period);
        run(pi, "scoreUnit");
        return pi;
    }

    ProcessInstance review(String period) {
        Reviews.Review r = reviews.byBusinessKey(SCHOOL + "/" + period).orElseThrow(
                () -> new AssertionError("no review of the school for " + period));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(r.processInstanceId()).singleResult();
    }

    Reviews.Review record(ProcessInstance pi) {
        return reviews.get(((Number) engine.getRuntimeService().getVariable(pi.getId(), ReviewProcess.REVIEW_ID)).longValue());
    }

    /** Self-reported, assessed as computed, rated by the representative, confirmed at the meeting. */
    void readyForApproval(ProcessInstance pi) {
        submitted(task(pi, ReviewProcess.WRITE_SELF_REPORT), LIAISON, Map.of(ReviewProcess.SELF_REPORT, "本季度开放操场两次"));
        submitted(task(pi, ReviewProcess.ASSESS_UNIT), SECRETARY, Map.of(
                ReviewProcess.ASSESSED_SCORE, record(pi).computedScore(), ReviewProcess.ASSESSMENT_REASON, ""));
        submitted(task(pi, ReviewProcess.RATE_UNIT), RESIDENT, Map.of(
                ReviewProcess.ABSTAIN, false, ReviewProcess.STARS, "4", ReviewProcess.RATING_COMMENT, "操场开放很受欢迎"));
        submitted(task(pi, ReviewProcess.CONFIRM_AT_MEETING), SECRETARY, Map.of(
                ReviewProcess.MEETING_DECISION, "confirmed", ReviewProcess.MEETING_NOTE, ""));
    }

    /** The school's review of the period, its people's parts done and approved by the street committee: on notice. */
    ProcessInstance approvedOnNotice(String period) {
        ProcessInstance pi = scored(period);
        readyForApproval(pi);
        submitted(task(pi, ReviewProcess.APPROVE_REVIEW), STREET, Map.of(ReviewProcess.APPROVED, "true",
                ReviewProcess.RETURN_REASON, ""));
        return pi;
    }

    void submitted(Task task, String user, Map<String, Object> variables) {
        assertThat(task).as("an open task for " + user).isNotNull();
        forms.submitted(task, user, variables);
    }

    ResponseEntity<String> submit(Task task, String user, Map<String, Object> variables) {
        return forms.submit(task, user, variables);
    }

    static String message(ResponseEntity<String> answer) {
        return FormSubmissions.message(answer);
    }

    /** Runs every job of the activity now (a multi-instance has one per instance). */
    void runAll(ProcessInstance pi, String activityId) {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
        assertThat(jobs).as("jobs at " + activityId).isNotEmpty();
        jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }

    /** Runs a timer and the reminder or escalation step it leads to. */
    void escalates(ProcessInstance pi, String taskKey, String step) {
        String rung = step.replace("-", "");
        run(pi, taskKey + "_" + rung + "Due");
        run(pi, (step.equals("reminder") ? "remind_" : "escalate_") + taskKey + "_" + rung);
    }
}
