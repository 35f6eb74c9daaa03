package org.gongjian.activity;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.gongjian.TasklistPage;
import org.gongjian.TestClock;
import org.gongjian.system.FormFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.activity.ActivityProcess.*;
import static org.gongjian.activity.ActivityWorld.*;

/**
 * The activity's three forms used in a real Tasklist, in a Chinese browser: publish, submit the
 * evidence with its photos and attendance rows (on a desktop and on a phone), verify.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class ActivityInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Activities activities;
    @Autowired ActivitySignups signups;
    @Autowired PointsLedger ledger;
    @TempDir Path files;

    private WebDriver browser;
    private TasklistPage tasklist;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Browser.keepScreenshot(browser, "target/activity-in-tasklist.png");
            browser.quit();
        }
        TestClock.reset();
    }

    @Test
    void theLiaisonPublishesAndReportsTheActivityWithPhotosAndCommunityStaffVerifyIt() throws Exception {
        open(1400, 1000);
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

        String phone = held(world, pi, id, published);

        tasklist.openTask(LIAISON, pi, SUBMIT_EVIDENCE, "提交活动佐证");
        tasklist.waiting().until(driver -> !tasklist.rows().isEmpty());
        assertThat(tasklist.cell(0, "name").getAttribute("value")).isEqualTo("周桂芳");
        assertThat(tasklist.cell(0, "note").getAttribute("value")).startsWith("签到 14:10").doesNotContain(phone);
        assertThat(completeButton().isEnabled()).as("no photo yet, no summary yet").isFalse();

        tasklist.addRow();
        tasklist.addRow();
        tasklist.typeIn(1, "name", "李建国");
        tasklist.typeIn(1, "note", "志愿者，未签到");
        tasklist.typeIn(2, "name", "多填的一行");
        tasklist.removeRow(2);
        WebElement summary = browser.findElement(By.id("evidenceSummary"));
        tasklist.scrollTo(summary);
        summary.sendKeys("为 25 位老人义诊，发放健康手册");

        Path notAPhoto = Files.writeString(files.resolve("现场.jpg"), "这只是一个改了名字的文本文件", StandardCharsets.UTF_8);
        attach(notAPhoto);
        tasklist.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".photo-errors"),
                "现场.jpg：只接受 JPEG、PNG 或 WebP 图片"));
        assertThat(thumbnails()).isEmpty();
        assertThat(completeButton().isEnabled()).as("still no photo").isFalse();

        Path first = image("义诊现场.png", "png", new Color(200, 60, 40));
        Path second = image("合影.jpg", "jpg", new Color(40, 90, 180));
        attach(first, second);
        tasklist.waiting().until(driver -> thumbnails().size() == 2
                && thumbnails().stream().allMatch(t -> !t.findElements(By.tagName("img")).isEmpty()));
        assertThat(browser.findElements(By.cssSelector(".photo-errors"))).isEmpty();
        WebElement blurred = thumbnails().get(1);
        assertThat(blurred.getAttribute("data-file")).isEqualTo("合影.jpg");
        Browser.document(browser, "activity-evidence", By.cssSelector("form.gongjian-form"));
        blurred.findElement(By.cssSelector("button.remove-photo")).click();
        tasklist.waiting().until(driver -> thumbnails().size() == 1);

        tasklist.complete(pi, VERIFY_EVIDENCE);
        List<Activities.Photo> photos = activities.photos(id);
        assertThat(photos).extracting(Activities.Photo::fileName, Activities.Photo::contentType, Activities.Photo::uploadedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("义诊现场.png", "image/png", LIAISON));
        assertThat(activities.photoContent(id, photos.get(0).id())).contains(Files.readAllBytes(first));
        JsonNode attendance = FormFields.array(engine.getRuntimeService().getVariable(pi.getId(), ATTENDANCE));
        assertThat(attendance).extracting(row -> row.path("name").asText()).containsExactly("周桂芳", "李建国");
        assertThat(attendance.get(1).path("note").asText()).isEqualTo("志愿者，未签到");
        assertThat(activities.find(id).orElseThrow().evidenceSummary()).isEqualTo("为 25 位老人义诊，发放健康手册");

        tasklist.openTask(STAFF, pi, VERIFY_EVIDENCE, "为 25 位老人义诊");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("李建国（志愿者，未签到）");
        tasklist.choose("通过，记入积分");
        tasklist.complete(() -> Activities.KEPT.equals(activities.find(id).orElseThrow().status()));
        assertThat(ledger.ofActivity(id)).extracting(PointsLedger.Entry::accountType).containsExactly("PERSON", "UNIT");
    }

    @Test
    void onAPhoneTheLiaisonAttachesAPhotoAndCompletesTheEvidence() throws Exception {
        open(390, 844);
        ActivityWorld world = new ActivityWorld(engine);
        ProcessInstance pi = world.committed("社区公园清洁", 20);
        long id = world.activityId(pi);
        world.complete(pi, PUBLISH, LIAISON, publication("社区公园清洁", 20));
        at(AFTER);
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        world.run(pi, "activityEnded");

        tasklist.openTask(LIAISON, pi, SUBMIT_EVIDENCE, "提交活动佐证");
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth")).intValue()).isEqualTo(390);
        WebElement summary = browser.findElement(By.id("evidenceSummary"));
        tasklist.scrollTo(summary);
        summary.sendKeys("清理公园垃圾 20 袋");
        attach(image("公园.jpg", "jpg", new Color(60, 160, 80)));
        tasklist.waiting().until(driver -> thumbnails().size() == 1
                && !thumbnails().get(0).findElements(By.tagName("img")).isEmpty());
        tasklist.complete(pi, VERIFY_EVIDENCE);
        assertThat(activities.photos(id)).extracting(Activities.Photo::fileName, Activities.Photo::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("公园.jpg", "image/jpeg"));
    }

    private void open(int width, int height) {
        browser = Browser.chromium(width, height);
        tasklist = new TasklistPage(browser, engine, port);
    }

    /** The activity took place: a resident signed up and checked in, and it ended. The resident's phone. */
    private String held(ActivityWorld world, ProcessInstance pi, long id, Activities.Activity published) {
        String phone = phone();
        signups.signUp(id, new ActivitySignups.Request("周桂芳", phone, null, true, "RETIRED"), address(), BEFORE);
        at(Instant.parse("2027-01-20T06:10:00Z"));
        signups.checkIn(id, published.checkinCode(), phone, TestClock.now());
        at(Instant.parse("2027-01-20T10:00:00Z"));
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        world.run(pi, "activityEnded");
        return phone;
    }

    private WebElement completeButton() {
        return browser.findElement(By.cssSelector("button[ng-click='complete()']"));
    }

    private List<WebElement> thumbnails() {
        return browser.findElements(By.cssSelector("form.gongjian-form figure.new-photo"));
    }

    /** Chooses the files in the form's photo picker, as a person does in the file dialog. */
    private void attach(Path... chosen) {
        WebElement picker = browser.findElement(By.cssSelector("input.photo-picker"));
        tasklist.scrollTo(picker);
        picker.sendKeys(String.join("\n", java.util.Arrays.stream(chosen).map(p -> p.toAbsolutePath().toString()).toList()));
    }

    /** A small real image, as a phone's camera would make a large one. */
    private Path image(String name, String format, Color color) throws IOException {
        BufferedImage picture = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setPaint(new GradientPaint(0, 0, color, 640, 480, Color.WHITE));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return Files.write(files.resolve(name), out.toByteArray());
    }
}
