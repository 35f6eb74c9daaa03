package org.gongjian.meeting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.Mails;
import org.gongjian.TestClock;
import org.gongjian.agreement.AgreementWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.meeting.MeetingWorld.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A meeting is the community's, not an agreement's, yet a unit whose agreement with the community ends can no
 * longer be held to the resolutions it owns there: they end with the agreement, with its reason, their holders told
 * in the agreement's one withdrawal mail, and the pages say they ended with the agreement. The community's own
 * resolutions run on, and so do the unit's while a renewal keeps it joined with the community.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class AnEndedAgreementEndsItsUnitsResolutionsTest {

    /** After the days JointMeetingProcessTest holds its meetings on, so that these are the public board's latest. */
    static final LocalDate MEETING_DAY = LocalDate.of(2027, 2, 10);
    static final String REASON = "单位整体搬迁出本社区";

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired MockMvc mvc;
    @Autowired JointMeetings meetings;
    @Autowired ResolutionsOfEndedAgreement ofEndedAgreement;
    @Autowired PlatformTransactionManager transactions;
    /** The demo profile's embedded mailbox: the context the agreement's own ending tests run in, not one more. */
    @Autowired GreenMail embeddedSmtpServer;

    @AfterEach
    void nobody() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void terminatingTheSchoolsAgreementEndsTheSchoolsResolutionAndLeavesTheCommunitysRunning() throws Exception {
        AgreementWorld agreements = new AgreementWorld(engine);
        ProcessInstance agreement = agreements.activeAgreement("2027-01-01", "2027-12-31");
        MeetingWorld world = new MeetingWorld(engine, rest, meetings);
        ProcessInstance schools = world.resolutionForTheSchool("操场开放", MEETING_DAY, LocalDate.of(2027, 3, 31));
        ProcessInstance communitys = communityResolution(world, MEETING_DAY.plusDays(1));
        long school = resolutionId(schools);
        long meeting = meetings.resolution(school).orElseThrow().meetingId();
        embeddedSmtpServer.purgeEmailFromAllMailboxes();
        String withdrawn = "【协议结束】共建协议 " + number(agreement) + " 下的待办已撤销";

        // a first attempt mails, then fails: what it changed is rolled back, what it mailed is recorded
        new TransactionTemplate(transactions).executeWithoutResult(attempt -> {
            terminate(agreements, agreement);
            attempt.setRollbackOnly();
        });
        assertThat(running(schools)).as("rolled back").isTrue();
        assertThat(meetings.resolution(school).orElseThrow().state()).as("rolled back").isEqualTo("OPEN");
        assertThat(mails("yangxue@school.example.cn", withdrawn)).isEqualTo(1);

        terminate(agreements, agreement);

        assertThat(running(schools)).as("the school's resolution").isFalse();
        HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(schools.getId()).singleResult();
        assertThat(ended.getDeleteReason()).contains(REASON);
        assertThat(meetings.resolution(school).orElseThrow().state()).isEqualTo("ENDED");
        assertThat(mails("yangxue@school.example.cn", withdrawn)).as("the liaison held its report task, told once")
                .isEqualTo(1);
        assertThat(running(communitys)).as("the community's resolution").isTrue();
        assertThat(meetings.resolution(resolutionId(communitys)).orElseThrow().state()).isEqualTo("OPEN");

        // ending again (a retried job) finds nothing and mails nobody
        assertThat(ofEndedAgreement.runningOwnedBy(engine, "heping", "school")).isEmpty();
        agreements.endAgreementsInForce("school");
        assertThat(mails("yangxue@school.example.cn", withdrawn)).isEqualTo(1);

        String page = mvc.perform(get("/meetings/" + meeting).with(user(SECRETARY).authorities(() -> "GROUP_community-heping-secretary")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("随协议结束 ended with the agreement");
        String board = mvc.perform(get("/board/heping")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(board.substring(board.indexOf("联席会议决议"), board.indexOf("<h2>积分")))
                .contains("学校操场每周六向社区居民开放", "随协议结束 ended with the agreement");
    }

    @Test
    void aUnitWhoseRenewalIsFiledKeepsItsResolutionsWhenTheCurrentAgreementEnds() {
        AgreementWorld agreements = new AgreementWorld(engine);
        ProcessInstance agreement = agreements.activeAgreement("2027-01-01", "2027-12-31");
        agreements.renewal("2028-01-01", "2028-12-31");
        MeetingWorld world = new MeetingWorld(engine, rest, meetings);
        ProcessInstance schools = world.resolutionForTheSchool("操场开放", MEETING_DAY, LocalDate.of(2027, 3, 31));

        terminate(agreements, agreement);

        assertThat(running(schools)).as("the school still sits with heping under its renewal").isTrue();
        assertThat(meetings.resolution(resolutionId(schools)).orElseThrow().state()).isEqualTo("OPEN");
    }

    /** A second meeting the day after, whose minutes give a resolution to the community's own staff. */
    private ProcessInstance communityResolution(MeetingWorld world, LocalDate day) {
        ProcessInstance pi = world.scheduled("楼道消防", day);
        long id = world.meetingId(pi);
        JointMeetings.Meeting m = world.meeting(pi);
        TestClock.at(m.agendaClosesAt());
        world.run(pi, "agendaClosed");
        world.agendaFixedAsProposed(pi);
        TestClock.at(m.noticeAt());
        world.run(pi, "noticeDue");
        world.run(pi, "sendNotice");
        TestClock.at(m.meetingAt());
        world.run(pi, "meetingBegins");
        world.submitted(world.task(pi, MeetingProcess.RECORD_MINUTES), SECRETARY, minutes(List.of(COMMUNITY), List.of(), true));
        world.submitted(world.task(pi, MeetingProcess.RECORD_RESOLUTION), SECRETARY,
                resolution("检查楼道灭火器", COMMUNITY, LocalDate.of(2027, 3, 31), false));
        world.run(pi, "publishMinutes");
        long resolution = meetings.resolutionsOf(id).get(0).id();
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MeetingProcess.RESOLUTION_KEY)
                .variableValueEquals(MeetingProcess.RESOLUTION_ID, resolution).singleResult();
    }

    /** The school's leader ends the agreement from its page, and the termination step runs. */
    private void terminate(AgreementWorld agreements, ProcessInstance agreement) {
        engine.getRuntimeService().createMessageCorrelation("AgreementTerminationRequested")
                .processInstanceId(agreement.getId())
                .setVariable("terminatedBy", LEADER)
                .setVariable("terminationReason", REASON)
                .correlate();
        agreements.run(agreement, "terminateAgreement");
    }

    private boolean running(ProcessInstance pi) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0;
    }

    private long resolutionId(ProcessInstance tracked) {
        return ((Number) engine.getRuntimeService().getVariable(tracked.getId(), MeetingProcess.RESOLUTION_ID)).longValue();
    }

    private String number(ProcessInstance agreement) {
        return (String) engine.getRuntimeService().getVariable(agreement.getId(), "agreementNumber");
    }

    /** How many distinct mails with this subject reached the address. */
    private long mails(String address, String subject) throws MessagingException {
        Set<String> seen = new HashSet<>();
        for (MimeMessage m : Mails.to(embeddedSmtpServer, address)) {
            if (subject.equals(m.getSubject())) {
                seen.add(m.getMessageID());
            }
        }
        return seen.size();
    }
}
