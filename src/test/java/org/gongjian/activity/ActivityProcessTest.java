package org.gongjian.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.Mails;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.escalation.EscalationLog;
import org.gongjian.system.FormFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.gongjian.Mails.subjects;
import static org.gongjian.activity.ActivityProcess.*;
import static org.gongjian.activity.ActivityWorld.*;

/** One activity from its commitment to kept, returned, missed or cancelled, through the real engine. */
@GongjianTest
@ExtendWith(TestClock.class)
class ActivityProcessTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired ProcessEngine engine;
    @Autowired Activities activities;
    @Autowired ActivitySignups signups;
    @Autowired PointsLedger ledger;
    @Autowired EscalationLog escalations;
    @Autowired GreenMail embeddedSmtpServer;

    ActivityWorld world;

    @BeforeEach
    void setUp() {
        world = new ActivityWorld(engine);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aCommittedActivityIsPlannedUntilTheLiaisonPublishesIt() {
        ProcessInstance pi = world.committed("社区公园清洁", 20);
        Activity planned = activities.find(world.activityId(pi)).orElseThrow();
        assertThat(planned.status()).isEqualTo(Activities.PLANNED);
        assertThat(planned.checkinCode()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(world.task(pi, PUBLISH).getDueDate()).isEqualTo(java.util.Date.from(BEFORE.plus(Duration.ofDays(5))));
        assertThatThrownBy(() -> signups.signUp(planned.id(), new ActivitySignups.Request("张三", phone(), null, false, null),
                address(), BEFORE)).isInstanceOf(SignupRefusedException.class).hasMessageContaining("未开放报名");

        world.complete(pi, PUBLISH, LIAISON, publication("社区公园清洁", 20));
        Activity published = activities.find(planned.id()).orElseThrow();
        assertThat(published.status()).isEqualTo(Activities.PUBLISHED);
        assertThat(published.startsAt()).isEqualTo(Instant.parse("2027-01-20T01:00:00Z"));
        assertThat(published.endsAt()).isEqualTo(Instant.parse("2027-01-20T04:00:00Z"));
        assertThat(published.signupClosesAt()).isEqualTo(Instant.parse("2027-01-19T23:00:00Z"));
        assertThat(published.description()).isEqualTo("带孩子们打扫社区公园");
    }

    @Test
    void aPublicationOutsideTheQuarterWithoutPlacesOrWithABadTimeIsRefusedAndChangesNothing() {
        ProcessInstance pi = world.committed("周末课堂", 20);
        Map<String, Object> outside = publication("周末课堂", 20);
        outside.put("date", "2027-04-02");
        Map<String, Object> noPlaces = publication("周末课堂", 0);
        Map<String, Object> badTime = publication("周末课堂", 20);
        badTime.put("startTime", "9点");
        Map<String, Object> closed = publication("周末课堂", 20);
        closed.put("date", "2027-01-05");
        closed.put("startTime", "10:00");
        assertThatThrownBy(() -> world.complete(pi, PUBLISH, LIAISON, outside))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("date").hasMessageContaining("不在本季度");
        assertThatThrownBy(() -> world.complete(pi, PUBLISH, LIAISON, noPlaces))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("places");
        assertThatThrownBy(() -> world.complete(pi, PUBLISH, LIAISON, badTime))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("startTime");
        assertThatThrownBy(() -> world.complete(pi, PUBLISH, LIAISON, closed))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("signupClosesHours");
        assertThat(world.task(pi, PUBLISH)).isNotNull();
        assertThat(activities.find(world.activityId(pi)).orElseThrow().status()).isEqualTo(Activities.PLANNED);
    }

    @Test
    void aKeptActivityRemindsChecksInCollectsEvidenceAndPostsPoints() throws Exception {
        ProcessInstance pi = world.committed("敬老院慰问演出", 30);
        long id = world.activityId(pi);
        world.complete(pi, PUBLISH, LIAISON, publication("敬老院慰问演出", 30));
        String email = "resident" + System.nanoTime() + "@example.cn";
        String present = phone();
        String absent = phone();
        signups.signUp(id, new ActivitySignups.Request("王秀英", present, email, true, "RETIRED"), address(), BEFORE);
        signups.signUp(id, new ActivitySignups.Request("赵强", absent, null, false, null), address(), BEFORE);

        at(Instant.parse("2027-01-18T01:00:00Z"));
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        assertThat(subjects(Mails.to(embeddedSmtpServer, email))).containsExactly("【活动提醒】敬老院慰问演出 · 2027-01-20 09:00 – 12:00");

        at(ON_THE_DAY);
        signups.checkIn(id, activities.find(id).orElseThrow().checkinCode(), present, ON_THE_DAY);
        assertThat(ledger.balance(PointsLedger.PERSON, present)).isEqualTo(10);

        at(AFTER);
        world.run(pi, "activityEnded");
        assertThat(world.task(pi, SUBMIT_EVIDENCE)).isNotNull();
        JsonNode prefilled = FormFields.array(engine.getRuntimeService().getVariable(pi.getId(), ATTENDANCE));
        assertThat(prefilled).hasSize(1);
        assertThat(prefilled.get(0).path("name").asText()).isEqualTo("王秀英");
        assertThat(prefilled.get(0).path("note").asText()).startsWith("签到 09:30").doesNotContain(present)
                .contains(ActivitySignups.maskPhone(present));
        assertThatThrownBy(() -> world.complete(pi, SUBMIT_EVIDENCE, LIAISON, evidence("演出顺利，老人们很开心")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("photos");
        Map<String, Object> report = evidence("演出顺利，老人们很开心", photo("stage.png", PNG));
        report.put(ATTENDANCE, FormFields.spin(List.of(Map.of("name", "王秀英", "note", "签到 09:30"),
                Map.of("name", "李建国", "note", "志愿者，未签到"))));
        world.complete(pi, SUBMIT_EVIDENCE, LIAISON, report);
        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.EVIDENCE);
        assertThat(activities.photos(id)).extracting(Activities.Photo::fileName, Activities.Photo::uploadedBy)
                .containsExactly(tuple("stage.png", LIAISON));
        assertThat(FormFields.array(engine.getRuntimeService().getVariable(pi.getId(), ATTENDANCE)))
                .extracting(row -> row.path("name").asText()).containsExactly("王秀英", "李建国");
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(PHOTO + 1, REMOVED_PHOTOS);

        assertThatThrownBy(() -> world.complete(pi, VERIFY_EVIDENCE, STAFF, Map.of(VERIFY_DECISION, "return")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("verifyReason");
        world.complete(pi, VERIFY_EVIDENCE, STAFF, Map.of(VERIFY_DECISION, "return", VERIFY_REASON, "请补充参加人数"));
        assertThat(activities.find(id).orElseThrow().statusReason()).isEqualTo("请补充参加人数");
        world.complete(pi, SUBMIT_EVIDENCE, LIAISON, evidence("演出顺利，到场 1 位报名群众和 5 名志愿者"));
        world.complete(pi, VERIFY_EVIDENCE, STAFF, Map.of(VERIFY_DECISION, "accept"));

        Activity kept = activities.find(id).orElseThrow();
        assertThat(kept.status()).isEqualTo(Activities.KEPT);
        assertThat(ledger.ofActivity(id)).extracting(PointsLedger.Entry::accountType, PointsLedger.Entry::points)
                .containsExactly(tuple("PERSON", 10), tuple("UNIT", 22));
        world.run(pi, "inviteRatings");
        assertThat(subjects(Mails.to(embeddedSmtpServer, email))).contains("【请您评价】敬老院慰问演出");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void evidenceNeverSubmittedIsEscalatedThenTheActivityIsMissedAndItsPointsReversed() throws Exception {
        ProcessInstance pi = world.committed("周末课堂（未履约）", 10);
        long id = world.activityId(pi);
        world.complete(pi, PUBLISH, LIAISON, publication("周末课堂（未履约）", 10));
        String email = "parent" + System.nanoTime() + "@example.cn";
        String present = phone();
        signups.signUp(id, new ActivitySignups.Request("陈敏", present, email, false, null), address(), BEFORE);
        at(ON_THE_DAY);
        signups.checkIn(id, activities.find(id).orElseThrow().checkinCode(), present, ON_THE_DAY);
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        at(AFTER);
        world.run(pi, "activityEnded");
        String taskId = world.task(pi, SUBMIT_EVIDENCE).getId();

        for (String[] rung : new String[][] {{"5", "reminder", "remind"}, {"7", "escalation1", "escalate"}, {"10", "escalation2", "escalate"}}) {
            at(AFTER.plus(Duration.ofDays(Long.parseLong(rung[0]))));
            world.run(pi, SUBMIT_EVIDENCE + "_" + rung[1] + "Due");
            world.run(pi, rung[2] + "_" + SUBMIT_EVIDENCE + "_" + rung[1]);
        }
        assertThat(escalations.forTask(taskId)).extracting(EscalationLog.Entry::notifiedRole)
                .containsExactly("owner", "unit-leader", "street-committee");

        at(AFTER.plus(Duration.ofDays(14)));
        world.run(pi, "evidenceOverdue");
        world.run(pi, "recordMissedActivity");

        Activity missed = activities.find(id).orElseThrow();
        assertThat(missed.status()).isEqualTo(Activities.MISSED);
        assertThat(missed.statusReason()).contains("14 天后仍未提交佐证");
        assertThat(escalations.forTask(taskId)).extracting(EscalationLog.Entry::step)
                .containsExactly("reminder", "escalation-1", "escalation-2", "missed");
        List<PointsLedger.Entry> entries = ledger.ofActivity(id);
        assertThat(entries).extracting(PointsLedger.Entry::points).containsExactly(10, -10);
        assertThat(entries.get(1).reverses()).isEqualTo(entries.get(0).id());
        assertThat(ledger.balance(PointsLedger.PERSON, present)).isZero();
        assertThat(activities.signups(id)).extracting(Activities.Signup::status).containsOnly(Activities.RELEASED);
        assertThat(subjects(Mails.to(embeddedSmtpServer, email))).contains("【活动未履约】周末课堂（未履约）");
        assertThat(subjects(Mails.to(embeddedSmtpServer, "lihua@xinhua.example.cn")))
                .contains("【承诺未履行】新华第一实验小学 · 周末课堂（未履约） · 活动未履约");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void evidenceNeverVerifiedIsEscalatedToTheStreetCommitteeThenRecordedUnverifiedWithoutUnitPoints() throws Exception {
        ProcessInstance pi = world.committed("社区读书会（未核实）", 10);
        long id = world.activityId(pi);
        world.complete(pi, PUBLISH, LIAISON, publication("社区读书会（未核实）", 10));
        at(ON_THE_DAY);
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        at(AFTER);
        world.run(pi, "activityEnded");
        world.complete(pi, SUBMIT_EVIDENCE, LIAISON, evidence("读书会顺利举行", photo("books.png", PNG)));
        String taskId = world.task(pi, VERIFY_EVIDENCE).getId();

        for (String[] rung : new String[][] {{"3", "reminder", "remind"}, {"5", "escalation1", "escalate"}, {"10", "escalation2", "escalate"}}) {
            at(AFTER.plus(Duration.ofDays(Long.parseLong(rung[0]))));
            world.run(pi, VERIFY_EVIDENCE + "_" + rung[1] + "Due");
            world.run(pi, rung[2] + "_" + VERIFY_EVIDENCE + "_" + rung[1]);
        }
        assertThat(escalations.forTask(taskId)).extracting(EscalationLog.Entry::notifiedRole)
                .containsExactly("owner", "community-secretary", "street-committee");
        assertThat(world.task(pi, VERIFY_EVIDENCE)).isNotNull();

        at(AFTER.plus(Duration.ofDays(14)));
        world.run(pi, "verificationOverdue");
        world.run(pi, "recordUnverifiedActivity");

        Activity unverified = activities.find(id).orElseThrow();
        assertThat(unverified.status()).isEqualTo(Activities.UNVERIFIED);
        assertThat(unverified.statusReason()).contains("14 天后社区仍未核实");
        assertThat(escalations.forTask(taskId)).extracting(EscalationLog.Entry::step)
                .containsExactly("reminder", "escalation-1", "escalation-2", "unverified");
        assertThat(ledger.ofActivity(id)).noneMatch(e -> e.accountType().equals(PointsLedger.UNIT));
        assertThat(subjects(Mails.to(embeddedSmtpServer, "lihua@xinhua.example.cn")))
                .contains("【佐证未核实】和平社区 · 社区读书会（未核实）");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void anActivityNeverPublishedByItsDayIsMissed() throws Exception {
        ProcessInstance pi = world.committed("从未发布的讲座", 10);
        long id = world.activityId(pi);
        assertThat(world.job(pi, "publicationOverdue").getDuedate())
                .isEqualTo(java.util.Date.from(Instant.parse("2027-01-20T16:00:00Z"))); // midnight after the day, in Shanghai
        at(Instant.parse("2027-01-20T16:00:01Z"));
        world.run(pi, "publicationOverdue");
        world.run(pi, "recordUnpublishedActivity");

        Activity missed = activities.find(id).orElseThrow();
        assertThat(missed.status()).isEqualTo(Activities.MISSED);
        assertThat(missed.statusReason()).contains("2027-01-20 仍未发布");
        assertThat(escalations.forProcess(pi.getId())).extracting(EscalationLog.Entry::taskKey, EscalationLog.Entry::step)
                .contains(tuple(PUBLISH, "missed"));
        assertThat(subjects(Mails.to(embeddedSmtpServer, "lihua@xinhua.example.cn")))
                .contains("【承诺未履行】新华第一实验小学 · 从未发布的讲座 · 活动未履约");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aCancelledActivityFreesItsPlacesTellsThoseSignedUpAndEnds() throws Exception {
        ProcessInstance pi = world.committed("亲子运动会（取消）", 2);
        long id = world.activityId(pi);
        world.complete(pi, PUBLISH, LIAISON, publication("亲子运动会（取消）", 2));
        String email = "family" + System.nanoTime() + "@example.cn";
        signups.signUp(id, new ActivitySignups.Request("刘洋洋", phone(), email, false, null), address(), BEFORE);
        signups.signUp(id, new ActivitySignups.Request("孙悦", phone(), null, true, "MOBILE"), address(), BEFORE);
        assertThat(activities.placesTaken(id)).isEqualTo(2);

        engine.getRuntimeService().createMessageCorrelation(CANCEL_MESSAGE).processInstanceId(pi.getId())
                .setVariable(CANCEL_REASON, "操场维修，无法使用").setVariable(CANCELLED_BY, LIAISON).correlate();
        world.run(pi, "cancelActivity");

        Activity cancelled = activities.find(id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(Activities.CANCELLED);
        assertThat(cancelled.statusReason()).isEqualTo("操场维修，无法使用");
        assertThat(activities.placesTaken(id)).isZero();
        assertThat(subjects(Mails.to(embeddedSmtpServer, email))).containsExactly("【活动已取消】亲子运动会（取消）");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
