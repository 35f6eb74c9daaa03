package org.gongjian.activity;

import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.gongjian.TasklistPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.activity.ActivityProcess.*;
import static org.gongjian.activity.ActivityWorld.*;

/** The activity's three forms used in a real Tasklist: publish, submit evidence, verify. */
@GongjianTest
@ExtendWith(TestClock.class)
class ActivityInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Activities activities;
    @Autowired ActivitySignups signups;
    @Autowired PointsLedger ledger;

    private WebDriver browser;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1280, 1000);
        tasklist = new TasklistPage(browser, engine, port);
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/activity-in-tasklist.png");
        browser.quit();
        TestClock.reset();
    }

    @Test
    void theLiaisonPublishesAndReportsTheActivityAndCommunityStaffVerifyIt() {
        ActivityWorld world = new ActivityWorld(engine);
        ProcessInstance pi = world.committed("重阳节敬老义诊", 30);
        long id = world.activityId(pi);

        tasklist.openTask(LIAISON, pi, PUBLISH, "发布活动");
        assertThat(tasklist.field("活动名称").getAttribute("value")).isEqualTo("重阳节敬老义诊");
        assertThat(tasklist.field("地点").getAttribute("value")).isEqualTo("学校操场");
        tasklist.fill(new String[][] {{"开始时间", "14:00"}, {"名额", "25"}, {"活动介绍", "校医为老人量血压、讲解用药"}});
        tasklist.complete(() -> Activities.PUBLISHED.equals(activities.find(id).orElseThrow().status()));
        Activities.Activity published = activities.find(id).orElseThrow();
        assertThat(published.startsAt()).isEqualTo(Instant.parse("2027-01-20T06:00:00Z")); // 14:00 in Shanghai
        assertThat(published.places()).isEqualTo(25);
        assertThat(published.description()).isEqualTo("校医为老人量血压、讲解用药");

        String phone = phone();
        signups.signUp(id, new ActivitySignups.Request("周桂芳", phone, null, true, "RETIRED"), address(), BEFORE);
        at(Instant.parse("2027-01-20T06:10:00Z"));
        signups.checkIn(id, published.checkinCode(), phone, TestClock.now());
        at(Instant.parse("2027-01-20T10:00:00Z"));
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        world.run(pi, "activityEnded");
        activities.addPhoto(id, "义诊.png", "image/png", ActivityProcessTest.PNG, LIAISON, TestClock.now());

        tasklist.openTask(LIAISON, pi, SUBMIT_EVIDENCE, "提交活动佐证");
        assertThat(browser.findElement(By.linkText("活动页面")).getAttribute("href")).endsWith("/activities/" + id);
        assertThat(tasklist.field("参加人员").getAttribute("value")).contains("周桂芳").doesNotContain(phone);
        tasklist.fill(new String[][] {{"活动小结", "为 25 位老人义诊，发放健康手册"}});
        tasklist.complete(pi, VERIFY_EVIDENCE);

        tasklist.openTask(STAFF, pi, VERIFY_EVIDENCE, "为 25 位老人义诊");
        tasklist.choose("通过，记入积分");
        tasklist.complete(() -> Activities.KEPT.equals(activities.find(id).orElseThrow().status()));
        assertThat(ledger.ofActivity(id)).extracting(PointsLedger.Entry::accountType).containsExactly("PERSON", "UNIT");
    }
}
