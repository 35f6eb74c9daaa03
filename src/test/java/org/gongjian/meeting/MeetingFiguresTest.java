package org.gongjian.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.agreement.AgreementWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's meeting figures per unit and quarter: from a seeded history of two quarters, exactly what each unit's
 * leader did and what became of its resolutions; and kept up to date by the process itself, lateness included.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class MeetingFiguresTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired JointMeetings meetings;
    @Autowired MeetingFigures figures;
    @Autowired PlatformTransactionManager transactions;

    /** A community of this test's own, so that carrying over finds only its resolutions. */
    private final String community = "figures-" + System.nanoTime();

    @Test
    void aSeededHistoryGivesEachUnitsQuarterExactly() {
        Instant q1 = Instant.parse("2035-01-10T02:00:00Z");
        long first = held("2035-Q1", q1, "PRESENT", "DEPUTY");
        long extra = held("2035-Q1", q1.plus(Duration.ofDays(30)), "DEPUTY", "ABSENT");
        long notHeld = meetings.call(community + "/2035-Q1/3", community, "测试社区", "2035-Q1", JointMeetings.EXTRA, "未开", q1);
        meetings.addMember(notHeld, "unit:school", "UNIT", "school", "新华第一实验小学");

        long onTime = resolve(first, "school", LocalDate.of(2035, 2, 1));
        meetings.done(onTime, q1.plus(Duration.ofDays(10)), true);
        long doneLate = resolve(first, "school", LocalDate.of(2035, 2, 10));
        meetings.done(doneLate, q1.plus(Duration.ofDays(40)), false);
        resolve(extra, "hospital", LocalDate.of(2035, 3, 1));
        long notDueYet = resolve(first, "school", LocalDate.of(2035, 12, 31));

        Instant q2 = Instant.parse("2035-04-15T02:00:00Z");
        TestClock.at(q2);
        long next = meetings.call(community + "/2035-Q2", community, "测试社区", "2035-Q2", JointMeetings.QUARTERLY, null, q2);
        meetings.addMember(next, "unit:school", "UNIT", "school", "新华第一实验小学");
        assertThat(meetings.carryOver(next, community, q2)).as("the two still open").isEqualTo(2);
        meetings.attendance(next, "unit:school", "PRESENT");
        meetings.recordMinutes(next, "纪要", "wangfang", q2);

        inOneTransaction(() -> {
            figures.refreshMeeting(first);
            figures.refreshMeeting(next);
        });

        assertThat(figures.of("school", "2035-Q1")).contains(
                new MeetingFigures.Figures("school", "2035-Q1", 2, 1, 1, 0, 3, 1, 1, 1));
        assertThat(figures.of("hospital", "2035-Q1")).as("its resolution past its deadline, carried over").contains(
                new MeetingFigures.Figures("hospital", "2035-Q1", 2, 0, 1, 1, 1, 0, 1, 1));
        assertThat(figures.of("school", "2035-Q2")).contains(
                new MeetingFigures.Figures("school", "2035-Q2", 1, 1, 0, 0, 0, 0, 0, 0));
        assertThat(figures.of("hospital", "2035-Q2")).as("not a member of the quarter's meeting").isEmpty();
        assertThat(figures.ofQuarter("2035-Q1")).extracting(MeetingFigures.Figures::unitId).containsExactly("hospital", "school");

        Optional<MeetingFigures.Figures> before = figures.of("school", "2035-Q1");
        inOneTransaction(() -> figures.refresh("school", "2035-Q1"));
        assertThat(figures.of("school", "2035-Q1")).as("a refresh again changes nothing").isEqualTo(before);

        TestClock.at(Instant.parse("2036-01-05T02:00:00Z"));
        inOneTransaction(() -> figures.refreshResolution(notDueYet));
        assertThat(figures.of("school", "2035-Q1").orElseThrow().late()).as("now past its deadline too").isEqualTo(2);
    }

    @Test
    void theProcessKeepsTheFiguresAndALateResolutionCountsADayAfterItsDeadline() {
        new AgreementWorld(engine).activeAgreement("2027-01-01", "2027-12-31");
        TestClock.at(TestClock.TODAY);
        MeetingWorld world = new MeetingWorld(engine, rest, meetings);
        String quarter = "2026-Q4";
        MeetingFigures.Figures before = figures.of("school", quarter)
                .orElse(new MeetingFigures.Figures("school", quarter, 0, 0, 0, 0, 0, 0, 0, 0));

        LocalDate deadline = LocalDate.of(2026, 12, 31);
        ProcessInstance tracked = world.resolutionForTheSchool("操场开放", JointMeetingProcessTest.MEETING_DAY, deadline);
        MeetingFigures.Figures held = figures.of("school", quarter).orElseThrow();
        assertThat(held.invited()).isEqualTo(before.invited() + 1);
        assertThat(held.attendedByLeader()).as("the school attended in person").isEqualTo(before.attendedByLeader() + 1);
        assertThat(held.resolutionsOwned()).isEqualTo(before.resolutionsOwned() + 1);

        TestClock.at(MeetingWorld.at(deadline.plusDays(2), "00:00"));
        world.run(tracked, "reportResolution_escalation1Due");
        world.run(tracked, "escalate_reportResolution_escalation1");
        assertThat(figures.of("school", quarter).orElseThrow().late()).as("late from its first escalation")
                .isGreaterThanOrEqualTo(held.late() + 1);
    }

    private long held(String quarter, Instant at, String school, String hospital) {
        long id = meetings.call(community + "/" + quarter + "/" + at.toEpochMilli(), community, "测试社区", quarter,
                JointMeetings.EXTRA, "测试", at);
        meetings.addMember(id, "unit:school", "UNIT", "school", "新华第一实验小学");
        meetings.addMember(id, "unit:hospital", "UNIT", "hospital", "市第二人民医院");
        meetings.attendance(id, "unit:school", school);
        meetings.attendance(id, "unit:hospital", hospital);
        meetings.recordMinutes(id, "纪要", "wangfang", at);
        return id;
    }

    private long resolve(long meetingId, String unit, LocalDate deadline) {
        return meetings.resolve(meetingId, community, "决议 " + unit + " " + deadline, "UNIT", unit, unit, deadline,
                "现场查看", "wangfang", Instant.parse("2035-01-10T02:00:00Z"));
    }

    private void inOneTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }
}
