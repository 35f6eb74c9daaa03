package org.gongjian.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.ForeignVariables;
import org.gongjian.GongjianTest;
import org.gongjian.Mails;
import org.gongjian.TestClock;
import org.gongjian.agreement.AgreementWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.meeting.MeetingWorld.*;

/**
 * Heping's joint meeting from its call to its resolutions: the agenda collected until seven days before,
 * the notice two days before, the minutes within three days, each resolution a task for its owner that
 * escalates, is confirmed or returned, and, left open, comes back onto the next meeting's agenda.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class JointMeetingProcessTest {

    /** Three weeks after the tests' day: the agenda closes on 13 December, the notice goes on the 18th. */
    static final LocalDate MEETING_DAY = LocalDate.of(2026, 12, 20);

    @Autowired ProcessEngine engine;
    /** The demo profile's embedded mailbox: the suite's shared context, not one more of its own. */
    @Autowired GreenMail smtp;
    @Autowired TestRestTemplate rest;
    @Autowired JointMeetings meetings;

    MeetingWorld world;

    @BeforeEach
    void schoolInForce() throws Exception {
        // the school sits in Heping's meetings while its agreement is in force
        new AgreementWorld(engine).activeAgreement("2027-01-01", "2027-12-31");
        TestClock.at(TestClock.TODAY);
        world = new MeetingWorld(engine, rest, meetings);
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void nobody() {
        world.nobody();
    }

    @Test
    void membersProposeUntilSevenDaysBeforeAndTheNoticeReachesEveryoneTwoDaysBefore() throws Exception {
        ProcessInstance pi = world.scheduled("寒假青少年托管安排", MEETING_DAY);
        long id = world.meetingId(pi);
        assertThat(meetings.members(id)).extracting(JointMeetings.Member::key).contains(COMMUNITY, SCHOOL, RESIDENTS);

        Task school = world.taskOf(pi, MeetingProcess.PROPOSE_AGENDA, "unit-school-liaison");
        assertThat(school.getName()).isEqualTo("提交联席会议议题：新华第一实验小学");
        assertThat(school.getDueDate()).as("the agenda closes 7 days before").isEqualTo(Date.from(at(MEETING_DAY.minusDays(7), "14:30")));
        assertThat(engine.getTaskService().getIdentityLinksForTask(school.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("unit-school-leader", "unit-school-liaison");

        world.proposes(pi, "unit-school-liaison", LIAISON, "寒假期间开放学校图书馆", true);
        world.proposes(pi, "unit-school-liaison", LIAISON, "学生志愿者参加社区敬老服务", false);
        world.proposes(pi, "residents-heping", RESIDENT, "小区停车难", false);
        assertThat(meetings.agenda(id)).filteredOn(i -> !i.carried()).extracting(JointMeetings.Item::title)
                .containsExactly("寒假期间开放学校图书馆", "学生志愿者参加社区敬老服务", "小区停车难");
        assertThat(meetings.agenda(id)).filteredOn(i -> i.title().equals("小区停车难")).extracting(JointMeetings.Item::askedBy)
                .as("who asks, by name, when the form leaves it empty").containsExactly("赵桂英");
        assertThat(world.taskOf(pi, MeetingProcess.PROPOSE_AGENDA, "community-heping-secretary")).as("still open").isNotNull();

        assertThat(world.job(pi, "agendaClosed").getDuedate()).isEqualTo(Date.from(at(MEETING_DAY.minusDays(7), "14:30")));
        TestClock.at(at(MEETING_DAY.minusDays(7), "14:30"));
        world.run(pi, "agendaClosed");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(MeetingProcess.PROPOSE_AGENDA).count()).as("no item after the agenda closed").isZero();
        assertThat((String) world.variable(pi, MeetingProcess.AGENDA_TEXT)).contains("寒假期间开放学校图书馆", "小区停车难");

        long parking = meetings.agenda(id).stream().filter(i -> i.title().equals("小区停车难")).findFirst().orElseThrow().id();
        world.submitted(world.task(pi, MeetingProcess.FIX_AGENDA), SECRETARY, Map.of(
                MeetingProcess.DEFERRED_ITEMS, List.of(String.valueOf(parking)), MeetingProcess.DEFER_REASON, "待物业公司到会后专题商议",
                MeetingProcess.MERGED_ITEMS, List.of(), MeetingProcess.MERGE_INTO, "", MeetingProcess.MERGE_REASON, ""));
        assertThat(meetings.agenda(id)).filteredOn(i -> i.id() == parking).singleElement()
                .satisfies(i -> assertThat(i.decision()).isEqualTo("DEFERRED"));

        assertThat(world.job(pi, "noticeDue").getDuedate()).as("2 days before")
                .isEqualTo(Date.from(at(MEETING_DAY.minusDays(2), "14:30")));
        TestClock.at(at(MEETING_DAY.minusDays(2), "14:30"));
        world.run(pi, "noticeDue");
        assertThat(smtp.getReceivedMessages()).as("nothing before the notice step runs").isEmpty();
        world.run(pi, "sendNotice");
        String subject = "【联席会议通知】和平社区 2026-12-20 14:30 · Joint meeting";
        for (String address : List.of("wangfang@heping.example.cn", "liuyang@heping.example.cn", "zhangjianguo@school.example.cn",
                "yangxue@school.example.cn", "zhaoguiying@heping.example.cn", "lihua@xinhua.example.cn")) {
            assertThat(Mails.subjects(Mails.to(smtp, address))).as(address).contains(subject);
        }
        MimeMessage notice = Mails.to(smtp, "zhangjianguo@school.example.cn").get(0);
        assertThat(Mails.plainText(notice)).contains("和平社区党群服务中心二楼会议室", "寒假期间开放学校图书馆", "暂缓", "待物业公司到会后专题商议");
        assertThat(meetings.find(id).orElseThrow().noticeSentAt()).isNotNull();

        // the community attends, the residents send a deputy; the school never answers
        world.answers(pi, "community-heping-secretary", SECRETARY, "ATTEND", "", "");
        world.answers(pi, "residents-heping", RESIDENT, "DEPUTY", "钱大爷", "");
        TestClock.at(at(MEETING_DAY.minusDays(1), "14:30"));
        world.runFor(pi, "answerInvitation_reminderDue", SCHOOL);
        world.runFor(pi, "remind_answerInvitation_reminder", SCHOOL);
        assertThat(Mails.subjects(Mails.to(smtp, "yangxue@school.example.cn"))).anySatisfy(s -> assertThat(s).contains("联席会议回执"));

        TestClock.at(at(MEETING_DAY, "14:30"));
        world.run(pi, "meetingBegins");
        assertThat(world.task(pi, MeetingProcess.RECORD_MINUTES)).as("the meeting is held without the school's answer").isNotNull();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(MeetingProcess.ANSWER_INVITATION).count()).isZero();
        assertThat(meetings.member(id, SCHOOL).orElseThrow().answer()).as("no answer recorded for it").isNull();
        assertThat((String) world.variable(pi, MeetingProcess.ANSWERS_TEXT))
                .contains("新华第一实验小学：未回执", "和平社区居民代表：委派代表 钱大爷");
    }

    @Test
    void minutesNotRecordedWithinThreeDaysEscalateAndNeedTheirAttendance() throws Exception {
        ProcessInstance pi = world.scheduled("冬季消防安全", MEETING_DAY);
        long id = world.meetingId(pi);
        world.hasNothingToPropose(pi, "unit-school-liaison", LIAISON);
        JointMeetings.Meeting m = world.meeting(pi);
        TestClock.at(m.agendaClosesAt());
        world.run(pi, "agendaClosed");
        world.agendaFixedAsProposed(pi);
        TestClock.at(m.noticeAt());
        world.run(pi, "noticeDue");
        world.run(pi, "sendNotice");
        TestClock.at(m.meetingAt());
        world.run(pi, "meetingBegins");

        Task minutes = world.task(pi, MeetingProcess.RECORD_MINUTES);
        assertThat(minutes.getDueDate()).as("within 3 days").isEqualTo(Date.from(m.meetingAt().plus(Duration.ofDays(3))));
        smtp.purgeEmailFromAllMailboxes();
        TestClock.at(m.meetingAt().plus(Duration.ofDays(2)));
        world.run(pi, "recordMinutes_reminderDue");
        world.run(pi, "remind_recordMinutes_reminder");
        assertThat(Mails.subjects(Mails.to(smtp, "wangfang@heping.example.cn"))).anySatisfy(s -> assertThat(s).contains("记录会议纪要"));
        TestClock.at(m.meetingAt().plus(Duration.ofDays(4)));
        world.run(pi, "recordMinutes_escalation1Due");
        world.run(pi, "escalate_recordMinutes_escalation1");
        assertThat(Mails.subjects(Mails.to(smtp, "lihua@xinhua.example.cn"))).as("the street committee, a day late")
                .anySatisfy(s -> assertThat(s).contains("记录会议纪要"));

        ResponseEntity<String> noAttendance = world.submit(minutes, SECRETARY, minutes(List.of(), List.of(), true));
        assertThat(noAttendance.getStatusCode().value()).isEqualTo(400);
        assertThat(message(noAttendance)).contains("presentMembers");
        assertThat(world.task(pi, MeetingProcess.RECORD_MINUTES)).as("still open").isNotNull();
        assertThat(meetings.find(id).orElseThrow().minutesAt()).as("nothing recorded").isNull();

        world.submitted(minutes, SECRETARY, minutes(List.of(COMMUNITY), List.of(SCHOOL), true));
        assertThat(meetings.member(id, SCHOOL).orElseThrow().attendance()).as("the leader sent a deputy").isEqualTo("DEPUTY");
        assertThat(meetings.member(id, RESIDENTS).orElseThrow().attendance()).isEqualTo("ABSENT");

        Task resolution = world.task(pi, MeetingProcess.RECORD_RESOLUTION);
        LocalDate deadline = LocalDate.of(2027, 1, 31);
        ResponseEntity<String> noOwner = world.submit(resolution, SECRETARY, resolution("检查楼道灭火器", "", deadline, false));
        assertThat(noOwner.getStatusCode().value()).isEqualTo(400);
        assertThat(message(noOwner)).contains("resolutionOwner");
        ResponseEntity<String> outsider = world.submit(resolution, SECRETARY, resolution("检查楼道灭火器", "unit:nowhere", deadline, false));
        assertThat(message(outsider)).contains("resolutionOwner");
        Map<String, Object> noDeadline = new HashMap<>(resolution("检查楼道灭火器", COMMUNITY, deadline, false));
        noDeadline.put(MeetingProcess.RESOLUTION_DEADLINE, "");
        ResponseEntity<String> undated = world.submit(resolution, SECRETARY, noDeadline);
        assertThat(undated.getStatusCode().value()).isEqualTo(400);
        assertThat(message(undated)).contains("resolutionDeadline");
        assertThat(meetings.resolutionsOf(id)).as("nothing recorded").isEmpty();

        world.submitted(resolution, SECRETARY, resolution("检查楼道灭火器", COMMUNITY, deadline, false));
        world.run(pi, "publishMinutes");
        ProcessInstance tracked = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(MeetingProcess.RESOLUTION_KEY).processInstanceBusinessKey(pi.getBusinessKey() + "/R"
                        + meetings.resolutionsOf(id).get(0).id()).singleResult();
        Task report = world.task(tracked, MeetingProcess.REPORT_RESOLUTION);
        assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId())).extracting(IdentityLink::getGroupId)
                .as("the community's own resolution is its staff's").containsExactly("community-heping-staff");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .finished().count()).as("the meeting's process is over").isOne();
    }

    @Test
    void theSecretaryDatesTheMeetingAfterTodayAndOnlyThroughTheFormsFields() throws Exception {
        ProcessInstance pi = world.called("临时会议");
        Task schedule = world.task(pi, MeetingProcess.SCHEDULE_MEETING);
        ResponseEntity<String> today = world.submit(schedule, SECRETARY, schedule(LocalDate.of(2026, 12, 2)));
        assertThat(today.getStatusCode().value()).isEqualTo(400);
        assertThat(message(today)).contains("meetingDate");
        assertThat(world.meeting(pi).meetingAt()).as("nothing scheduled").isNull();
        assertThat(world.task(pi, MeetingProcess.SCHEDULE_MEETING)).as("still open").isNotNull();

        // the record decides which meeting this is: a submission naming another is refused, and changes nothing
        ForeignVariables.refusedThenValidAccepted(engine, rest, schedule, SECRETARY,
                new HashMap<>(schedule(MEETING_DAY)), MeetingProcess.MEETING_ID, 1L);
        assertThat(world.meeting(pi).meetingAt()).isEqualTo(at(MEETING_DAY, "14:30"));
    }

    @Test
    void aResolutionReportedByItsDeadlineAndConfirmedIsDoneOnTime() {
        ProcessInstance tracked = world.resolutionForTheSchool("操场开放", MEETING_DAY, LocalDate.of(2027, 1, 10));
        long id = resolutionId(tracked);
        Task report = world.task(tracked, MeetingProcess.REPORT_RESOLUTION);
        assertThat(report.getDueDate()).as("the end of the deadline's day")
                .isEqualTo(Date.from(at(LocalDate.of(2027, 1, 11), "00:00")));
        assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("unit-school-liaison");

        TestClock.at(at(LocalDate.of(2027, 1, 9), "10:00"));
        world.submitted(report, LIAISON, Map.of(MeetingProcess.REPORT, "1月起每周六上午开放，已开放两次，约60人次"));
        TestClock.at(at(LocalDate.of(2027, 1, 12), "10:00"));
        world.submitted(world.task(tracked, MeetingProcess.CONFIRM_RESOLUTION), SECRETARY,
                Map.of(MeetingProcess.RESOLUTION_DECISION, "done", MeetingProcess.RETURN_REASON, ""));

        JointMeetings.Resolution r = meetings.resolution(id).orElseThrow();
        assertThat(r.state()).isEqualTo("DONE");
        assertThat(r.doneOnTime()).as("reported by its deadline, confirmed after it").isTrue();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(tracked.getId())
                .activityId("resolutionDone").count()).isOne();
    }

    @Test
    void aReturnedResolutionGoesBackToItsOwnerWithTheReason() {
        ProcessInstance tracked = world.resolutionForTheSchool("操场开放", MEETING_DAY, LocalDate.of(2027, 1, 10));
        long id = resolutionId(tracked);
        world.submitted(world.task(tracked, MeetingProcess.REPORT_RESOLUTION), LIAISON, Map.of(MeetingProcess.REPORT, "已开放"));
        world.submitted(world.task(tracked, MeetingProcess.CONFIRM_RESOLUTION), SECRETARY,
                Map.of(MeetingProcess.RESOLUTION_DECISION, "returned", MeetingProcess.RETURN_REASON, "未见开放时间公示，请补充照片"));

        Task again = world.task(tracked, MeetingProcess.REPORT_RESOLUTION);
        assertThat(again).as("back with the owner").isNotNull();
        assertThat((String) engine.getTaskService().getVariable(again.getId(), MeetingProcess.RESOLUTION_TEXT))
                .contains("已退回", "未见开放时间公示，请补充照片");
        JointMeetings.Resolution r = meetings.resolution(id).orElseThrow();
        assertThat(r.state()).isEqualTo("OPEN");
        assertThat(r.returnedCount()).isEqualTo(1);
    }

    @Test
    void aResolutionLeftOpenEscalatesAndComesOntoTheNextAgendaWithItsHistory() throws Exception {
        LocalDate deadline = LocalDate.of(2026, 12, 31);
        ProcessInstance tracked = world.resolutionForTheSchool("操场开放", MEETING_DAY, deadline);
        long id = resolutionId(tracked);
        smtp.purgeEmailFromAllMailboxes();

        Instant due = at(deadline.plusDays(1), "00:00");
        assertThat(world.job(tracked, "reportResolution_reminderDue").getDuedate()).isEqualTo(Date.from(due.minus(Duration.ofDays(3))));
        TestClock.at(due.minus(Duration.ofDays(3)));
        world.run(tracked, "reportResolution_reminderDue");
        world.run(tracked, "remind_reportResolution_reminder");
        TestClock.at(due.plus(Duration.ofDays(1)));
        world.run(tracked, "reportResolution_escalation1Due");
        world.run(tracked, "escalate_reportResolution_escalation1");
        TestClock.at(due.plus(Duration.ofDays(7)));
        world.run(tracked, "reportResolution_escalation2Due");
        world.run(tracked, "escalate_reportResolution_escalation2");
        assertThat(Mails.subjects(Mails.to(smtp, "yangxue@school.example.cn"))).as("the reminder").isNotEmpty();
        assertThat(Mails.subjects(Mails.to(smtp, "zhangjianguo@school.example.cn"))).as("the unit's leader, a day late")
                .anySatisfy(s -> assertThat(s).contains("报告决议落实情况"));
        assertThat(Mails.subjects(Mails.to(smtp, "lihua@xinhua.example.cn"))).as("the street committee, a week late")
                .anySatisfy(s -> assertThat(s).contains("报告决议落实情况"));

        ProcessInstance next = world.scheduled("一月联席会议", LocalDate.of(2027, 1, 28));
        JointMeetings.Meeting m = world.meeting(next);
        TestClock.at(m.agendaClosesAt());
        world.run(next, "agendaClosed");
        JointMeetings.Item carried = meetings.agenda(m.id()).stream().filter(i -> Long.valueOf(id).equals(i.resolutionId()))
                .findFirst().orElseThrow();
        assertThat(carried.carriedCount()).as("carried over once").isEqualTo(1);
        assertThat(carried.askedBy()).isEqualTo("新华第一实验小学");
        assertThat((String) world.variable(next, MeetingProcess.AGENDA_TEXT))
                .contains("【延续第1次】学校操场每周六向社区居民开放", "责任方 新华第一实验小学，期限 2026-12-31，已催办 3 次");
        assertThat(meetings.resolution(id).orElseThrow().state()).as("still the school's to do").isEqualTo("OPEN");
    }

    private long resolutionId(ProcessInstance tracked) {
        return ((Number) engine.getRuntimeService().getVariable(tracked.getId(), MeetingProcess.RESOLUTION_ID)).longValue();
    }
}
