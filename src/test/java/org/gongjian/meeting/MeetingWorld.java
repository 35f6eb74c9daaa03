package org.gongjian.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.EngineWorld;
import org.gongjian.FormSubmissions;
import org.gongjian.TestClock;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heping's joint meeting as its people hold it: the staff call an extra meeting from Tasklist, the
 * secretary sets it, each member answers its own task, all through {@code /engine-rest} as Tasklist
 * sends it, so that only the forms' fields and the server's checks stand between them and the record.
 */
final class MeetingWorld extends EngineWorld {

    static final ZoneId HEPING = ZoneId.of("Asia/Shanghai");
    static final String STAFF = "liuyang";           // 和平社区 党建专干
    static final String SECRETARY = "wangfang";      // 和平社区 书记
    static final String RESIDENT = "zhaoguiying";    // 和平社区 居民代表
    static final String LIAISON = "yangxue";         // 新华第一实验小学 联络员
    static final String LEADER = "zhangjianguo";     // 新华第一实验小学 党组织书记
    static final String COMMUNITY = "community:heping";
    static final String SCHOOL = "unit:school";
    static final String RESIDENTS = "residents:heping";

    private final FormSubmissions forms;
    private final JointMeetings meetings;

    MeetingWorld(ProcessEngine engine, TestRestTemplate rest, JointMeetings meetings) {
        super(engine);
        this.forms = new FormSubmissions(rest);
        this.meetings = meetings;
    }

    /** An extra meeting the community's staff call from Tasklist's start form. */
    ProcessInstance called(String purpose) {
        ResponseEntity<String> answer = forms.start(MeetingProcess.KEY, STAFF, Map.of(MeetingProcess.PURPOSE, purpose));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        String id = FormSubmissions.read(answer.getBody()).path("id").asText();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    /** Called and set for the day at 14:30 in the community's meeting room. */
    ProcessInstance scheduled(String purpose, LocalDate day) {
        ProcessInstance pi = called(purpose);
        submitted(task(pi, MeetingProcess.SCHEDULE_MEETING), SECRETARY, schedule(day));
        return pi;
    }

    static Map<String, Object> schedule(LocalDate day) {
        return Map.of(MeetingProcess.MEETING_DATE, day.toString(), MeetingProcess.MEETING_TIME, "14:30",
                MeetingProcess.PLACE, "和平社区党群服务中心二楼会议室");
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(HEPING).toInstant();
    }

    long meetingId(ProcessInstance pi) {
        return ((Number) engine.getRuntimeService().getVariable(pi.getId(), MeetingProcess.MEETING_ID)).longValue();
    }

    JointMeetings.Meeting meeting(ProcessInstance pi) {
        return meetings.find(meetingId(pi)).orElseThrow();
    }

    /** The open task of the step that is the member's: the one a person of that member may claim. */
    Task taskOf(ProcessInstance pi, String key, String group) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(key).taskCandidateGroup(group).list();
        assertThat(tasks).as(key + " for " + group).hasSize(1);
        return tasks.get(0);
    }

    /** A member's agenda item, and whether it has another one. */
    void proposes(ProcessInstance pi, String group, String user, String title, boolean more) {
        Map<String, Object> item = new HashMap<>();
        item.put(MeetingProcess.NO_ITEM, false);
        item.put(MeetingProcess.ITEM_TITLE, title);
        item.put(MeetingProcess.ITEM_ASK, title + "：请会议商定做法和分工");
        item.put(MeetingProcess.ASKED_BY, "");
        item.put(MeetingProcess.MORE_ITEMS, more);
        submitted(taskOf(pi, MeetingProcess.PROPOSE_AGENDA, group), user, item);
    }

    void hasNothingToPropose(ProcessInstance pi, String group, String user) {
        submitted(taskOf(pi, MeetingProcess.PROPOSE_AGENDA, group), user, Map.of(MeetingProcess.NO_ITEM, true,
                MeetingProcess.ITEM_TITLE, "", MeetingProcess.ITEM_ASK, "", MeetingProcess.ASKED_BY, "",
                MeetingProcess.MORE_ITEMS, false));
    }

    /** The secretary keeps every item on the agenda. */
    void agendaFixedAsProposed(ProcessInstance pi) {
        submitted(task(pi, MeetingProcess.FIX_AGENDA), SECRETARY, Map.of(
                MeetingProcess.DEFERRED_ITEMS, List.of(), MeetingProcess.MERGED_ITEMS, List.of(),
                MeetingProcess.DEFER_REASON, "", MeetingProcess.MERGE_INTO, "", MeetingProcess.MERGE_REASON, ""));
    }

    void answers(ProcessInstance pi, String group, String user, String answer, String deputy, String reason) {
        submitted(taskOf(pi, MeetingProcess.ANSWER_INVITATION, group), user, Map.of(
                MeetingProcess.ATTENDANCE_ANSWER, answer, MeetingProcess.DEPUTY_NAME, deputy,
                MeetingProcess.ABSENCE_REASON, reason));
    }

    static Map<String, Object> minutes(List<String> present, List<String> deputies, boolean resolutions) {
        return Map.of(MeetingProcess.PRESENT_MEMBERS, present, MeetingProcess.DEPUTY_MEMBERS, deputies,
                MeetingProcess.SUMMARY, "1. 议题逐项讨论，形成决议。", MeetingProcess.HAS_RESOLUTIONS, resolutions);
    }

    static Map<String, Object> resolution(String what, String owner, LocalDate deadline, boolean more) {
        return Map.of(MeetingProcess.RESOLUTION_WHAT, what, MeetingProcess.RESOLUTION_OWNER, owner,
                MeetingProcess.RESOLUTION_DEADLINE, deadline.toString(),
                MeetingProcess.RESOLUTION_VERIFICATION, "社区书记现场查看并拍照存档", MeetingProcess.MORE_RESOLUTIONS, more);
    }

    /**
     * A meeting on the day, held: the school proposed an item, the agenda fixed as proposed, the notice out,
     * everybody attending, the minutes with one resolution for the school by the deadline, published. Returns
     * the resolution's own process.
     */
    ProcessInstance resolutionForTheSchool(String purpose, LocalDate day, LocalDate deadline) {
        ProcessInstance pi = scheduled(purpose, day);
        long id = meetingId(pi);
        proposes(pi, "unit-school-liaison", LIAISON, "学校操场周末向居民开放", false);
        JointMeetings.Meeting m = meeting(pi);
        TestClock.at(m.agendaClosesAt());
        run(pi, "agendaClosed");
        agendaFixedAsProposed(pi);
        TestClock.at(m.noticeAt());
        run(pi, "noticeDue");
        run(pi, "sendNotice");
        // the community and the school answer; the residents have not when the meeting begins
        answers(pi, "community-heping-secretary", SECRETARY, "ATTEND", "", "");
        answers(pi, "unit-school-liaison", LIAISON, "ATTEND", "", "");
        TestClock.at(m.meetingAt());
        run(pi, "meetingBegins");
        submitted(task(pi, MeetingProcess.RECORD_MINUTES), SECRETARY,
                minutes(meetings.members(id).stream().map(JointMeetings.Member::key).toList(), List.of(), true));
        submitted(task(pi, MeetingProcess.RECORD_RESOLUTION), SECRETARY,
                resolution("学校操场每周六向社区居民开放", SCHOOL, deadline, false));
        run(pi, "publishMinutes");
        long resolution = meetings.resolutionsOf(id).get(0).id();
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MeetingProcess.RESOLUTION_KEY)
                .variableValueEquals(MeetingProcess.RESOLUTION_ID, resolution).singleResult();
    }

    /**
     * Runs the job of the activity that belongs to one member's instance of a multi-instance step: other units
     * with an agreement in force in Heping (other tests' agreements) sit in the same meeting.
     */
    void runFor(ProcessInstance pi, String activityId, String member) {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list()
                .stream().filter(j -> member.equals(engine.getRuntimeService().getVariable(j.getExecutionId(), MeetingProcess.MEMBER)))
                .toList();
        assertThat(jobs).as(activityId + " for " + member).hasSize(1);
        engine.getManagementService().executeJob(jobs.get(0).getId());
    }

    /** Submits the task's form as the person; the answer must be 204. */
    void submitted(Task task, String user, Map<String, Object> variables) {
        forms.submitted(task, user, variables);
    }

    /** Submits the task's form as the person, as Tasklist does. */
    ResponseEntity<String> submit(Task task, String user, Map<String, Object> variables) {
        return forms.submit(task, user, variables);
    }

    static String message(ResponseEntity<String> answer) {
        return FormSubmissions.message(answer);
    }

    Object variable(ProcessInstance pi, String name) {
        return engine.getRuntimeService().getVariable(pi.getId(), name);
    }
}
