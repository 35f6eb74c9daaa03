package org.gongjian.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.TestProcesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.review.ReviewWorld.HEPING;

/**
 * A unit's figures against a seeded history of 2031-Q1, a quarter no other test reaches: every figure checked against
 * the records put there, with the records it names; a unit with nothing recorded, and one with only escalations.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class ReviewFiguresTest {

    static final LocalDate START = LocalDate.of(2031, 1, 1);
    static final LocalDate END = LocalDate.of(2031, 4, 1);

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired ReviewFigures figures;

    @BeforeEach
    void seeded() {
        jdbc.update("DELETE FROM activity_rating WHERE activity_id IN (SELECT id FROM activity WHERE quarter = '2031-Q1')");
        jdbc.update("DELETE FROM signup WHERE activity_id IN (SELECT id FROM activity WHERE quarter = '2031-Q1')");
        jdbc.update("DELETE FROM activity WHERE quarter = '2031-Q1'");
        jdbc.update("DELETE FROM escalation_log WHERE business_key LIKE 'figures-test%'");
        jdbc.update("DELETE FROM task_delegation WHERE task_key = 'figuresTest'");
        jdbc.update("DELETE FROM meeting_unit_figures WHERE quarter = '2031-Q1'");
    }

    @Test
    void everyFigureCountsItsRecords() {
        long kept = activity("周末课堂", "KEPT", "2031-01-11", "2031-Q1");
        long missed = activity("敬老服务", "MISSED", "2031-02-08", "2031-Q1");
        activity("植树", "CANCELLED", "2031-03-12", "2031-Q1");
        activity("下一季度的活动", "KEPT", "2031-04-12", "2031-Q2");
        long one = signup(kept, "13900000001", true);
        long two = signup(kept, "13900000002", true);
        signup(kept, "13900000003", false);
        rating(kept, one, 4);
        rating(kept, two, 5);

        // two tasks of the school's liaison due in the quarter: one done 3 days late after a reminder, one on time
        TestProcesses.deploy(engine.getRepositoryService());
        TestClock.at(at("2031-02-01"));
        String late = taskFor("unit-school-liaison");
        String onTime = taskFor("unit-school-liaison");
        escalation(late, "school", "reminder", "2031-02-02");
        escalation(late, "school", "escalation-1", "2031-02-03");
        TestClock.at(at("2031-02-01").plus(Duration.ofHours(3)));
        engine.getTaskService().complete(onTime);
        TestClock.at(at("2031-02-05"));
        engine.getTaskService().complete(late);
        jdbc.update("""
                INSERT INTO task_delegation (task_id, process_instance_id, task_key, owner_id, delegate_id, delegated_at)
                VALUES ('t-delegated', 'p', 'figuresTest', 'zhangjianguo', 'yangxue', ?)""", Timestamp.from(at("2031-03-01")));
        jdbc.update("""
                INSERT INTO meeting_unit_figures (unit_id, quarter, invited, attended_by_leader, attended_by_deputy, absent,
                    resolutions_owned, done_on_time, late, carried_over, refreshed_at)
                VALUES ('school', '2031-Q1', 1, 0, 1, 0, 2, 1, 1, 1, ?)""", Timestamp.from(at("2031-03-20")));

        ReviewFigures.Figures f = figures.compute("school", "heping", START, END);
        Map<String, BigDecimal> v = f.values();
        assertThat(v.keySet()).as("every figure the score reads").containsExactlyInAnyOrderElementsOf(UnitScore.FIGURES);
        assertThat(v.get("commitmentsMade")).isEqualByComparingTo("3");
        assertThat(v.get("commitmentsKept")).isEqualByComparingTo("1");
        assertThat(v.get("commitmentsMissed")).isEqualByComparingTo("1");
        assertThat(v.get("commitmentsCancelled")).isEqualByComparingTo("1");
        assertThat(v.get("activitiesVerified")).isEqualByComparingTo("1");
        assertThat(v.get("participantsCheckedIn")).isEqualByComparingTo("2");
        assertThat(v.get("ratingsCount")).isEqualByComparingTo("2");
        assertThat(v.get("ratingsMean")).isEqualByComparingTo("4.5");
        assertThat(v.get("remindersSent")).isEqualByComparingTo("1");
        assertThat(v.get("escalationsLevel1")).isEqualByComparingTo("1");
        assertThat(v.get("escalationsLevel2")).isEqualByComparingTo("0");
        assertThat(v.get("tasksDue")).isEqualByComparingTo("2");
        assertThat(v.get("tasksDoneBeforeReminder")).isEqualByComparingTo("1");
        assertThat(v.get("daysLate")).as("due 2 February, done the 5th").isEqualByComparingTo("3");
        assertThat(v.get("delegationsByLeader")).isEqualByComparingTo("1");
        assertThat(v.get("meetingsInvited")).isEqualByComparingTo("1");
        assertThat(v.get("meetingsAttendedByDeputy")).isEqualByComparingTo("1");
        assertThat(v.get("resolutionsOwned")).isEqualByComparingTo("2");
        assertThat(v.get("resolutionsLate")).isEqualByComparingTo("1");
        assertThat(v.get("resolutionsCarriedOver")).isEqualByComparingTo("1");
        assertThat(v.get("fundsCommitted")).isEqualByComparingTo("0");
        assertThat(v.get("rectificationsOpen")).isEqualByComparingTo("0");

        assertThat(records(f, "commitmentsMissed")).containsExactly(new ReviewFigures.Trace("activity", String.valueOf(missed),
                "敬老服务 · 2031-02-08"));
        assertThat(records(f, "commitmentsMade")).extracting(ReviewFigures.Trace::label)
                .as("the next quarter's activity is not this quarter's").doesNotContain("下一季度的活动 · 2031-04-12");
        assertThat(records(f, "tasksDoneBeforeReminder")).extracting(ReviewFigures.Trace::ref).containsExactly(onTime);
        assertThat(records(f, "daysLate")).extracting(ReviewFigures.Trace::ref).containsExactly(late);
        assertThat(records(f, "escalationsLevel1")).extracting(ReviewFigures.Trace::ref).containsExactly(late);
    }

    @Test
    void aUnitWithNothingRecordedHasEveryFigureZero() {
        Map<String, BigDecimal> v = figures.compute("bank", "heping", START, END).values();
        assertThat(v).hasSize(UnitScore.FIGURES.size());
        assertThat(v.values()).allSatisfy(x -> assertThat(x).isEqualByComparingTo("0"));
    }

    @Test
    void aUnitWithOnlyEscalationsCountsThemAndNothingElse() {
        escalation("t-esc-1", "bank", "reminder", "2031-01-20");
        escalation("t-esc-1", "bank", "escalation-1", "2031-01-25");
        escalation("t-esc-1", "bank", "escalation-2", "2031-02-01");
        Map<String, BigDecimal> v = figures.compute("bank", "heping", START, END).values();
        assertThat(v.get("remindersSent")).isEqualByComparingTo("1");
        assertThat(v.get("escalationsLevel1")).isEqualByComparingTo("1");
        assertThat(v.get("escalationsLevel2")).isEqualByComparingTo("1");
        assertThat(v.get("commitmentsMade")).isEqualByComparingTo("0");
        assertThat(v.get("tasksDue")).isEqualByComparingTo("0");
    }

    @Test
    void storedFiguresReadBackWithTheirRecordsAndAreRewrittenNotAdded() {
        long kept = activity("周末课堂", "KEPT", "2031-01-11", "2031-Q1");
        jdbc.update("DELETE FROM review_figure_record WHERE review_id IN (SELECT id FROM review WHERE business_key = 'figures-test/2031-Q1')");
        jdbc.update("DELETE FROM review_figure WHERE review_id IN (SELECT id FROM review WHERE business_key = 'figures-test/2031-Q1')");
        jdbc.update("DELETE FROM review WHERE business_key = 'figures-test/2031-Q1'");
        jdbc.update("""
                INSERT INTO review (business_key, unit_id, unit_name, community_id, community_name, agreement_number, period,
                    kind, period_start, period_end, state, started_at)
                VALUES ('figures-test/2031-Q1', 'school', '新华第一实验小学', 'heping', '和平社区', 'GJ-FIGURES', '2031-Q1',
                    'QUARTERLY', ?, ?, 'SELF_REPORT', ?)""", java.sql.Date.valueOf(START), java.sql.Date.valueOf(END),
                Timestamp.from(at("2031-04-01")));
        long review = jdbc.queryForObject("SELECT id FROM review WHERE business_key = 'figures-test/2031-Q1'", Long.class);
        ReviewFigures.Figures f = figures.compute("school", "heping", START, END);
        figures.store(review, f);
        figures.store(review, f);
        ReviewFigures.Figures stored = figures.of(review);
        assertThat(stored.values()).isEqualTo(f.values());
        assertThat(records(stored, "commitmentsKept")).containsExactly(
                new ReviewFigures.Trace("activity", String.valueOf(kept), "周末课堂 · 2031-01-11"));
    }

    private static List<ReviewFigures.Trace> records(ReviewFigures.Figures f, String name) {
        return f.figures().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow().records();
    }

    private static Instant at(String day) {
        return LocalDate.parse(day).atStartOfDay(HEPING).toInstant();
    }

    private String taskFor(String group) {
        String pi = engine.getRuntimeService().startProcessInstanceByKey(TestProcesses.REMINDER_TEST,
                Map.of("unitGroup", group)).getId();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
        return task.getId();
    }

    private void escalation(String taskId, String unit, String step, String day) {
        jdbc.update("""
                INSERT INTO escalation_log (task_id, task_key, task_name, process_instance_id, process_key, business_key,
                    unit_id, step, notified_role, recipients, task_created_at, task_due_at, sent_at)
                VALUES (?, 'answerQuestion', '回答问题', 'p', 'reminder-test', 'figures-test', ?, ?, 'owner', 'x', ?, ?, ?)""",
                taskId, unit, step, Timestamp.from(at("2031-01-15")), Timestamp.from(at("2031-01-16")), Timestamp.from(at(day)));
    }

    private long activity(String title, String status, String day, String quarter) {
        jdbc.update("""
                INSERT INTO activity (business_key, process_instance_id, agreement_number, quarter, community_id, community_name,
                    unit_id, unit_name, title, kind, place, starts_at, ends_at, signup_closes_at, places, volunteers, hours,
                    checkin_code, status)
                VALUES (?, 'p', 'GJ-FIGURES', ?, 'heping', '和平社区', 'school', '新华第一实验小学', ?, '教育辅导', '活动室',
                    ?, ?, ?, 20, 2, 2.0, ?, ?)""",
                "figures/" + title + "/" + day, quarter, title, Timestamp.from(at(day).plus(Duration.ofHours(9))),
                Timestamp.from(at(day).plus(Duration.ofHours(11))), Timestamp.from(at(day)), "code-" + title + day, status);
        return jdbc.queryForObject("SELECT id FROM activity WHERE business_key = ?", Long.class, "figures/" + title + "/" + day);
    }

    private long signup(long activity, String phone, boolean checkedIn) {
        jdbc.update("""
                INSERT INTO signup (activity_id, name, phone, party_member, token, client_address, signed_up_at, status, checked_in_at)
                VALUES (?, '居民', ?, FALSE, ?, '10.0.0.1', ?, 'SIGNED_UP', ?)""",
                activity, phone, "tok-" + activity + phone, Timestamp.from(at("2031-01-05")),
                checkedIn ? Timestamp.from(at("2031-01-11")) : null);
        return jdbc.queryForObject("SELECT id FROM signup WHERE activity_id = ? AND phone = ?", Long.class, activity, phone);
    }

    private void rating(long activity, long signup, int stars) {
        jdbc.update("INSERT INTO activity_rating (signup_id, activity_id, stars, rated_at) VALUES (?, ?, ?, ?)",
                signup, activity, stars, Timestamp.from(at("2031-01-12")));
    }
}
