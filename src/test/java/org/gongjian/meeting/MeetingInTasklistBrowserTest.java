package org.gongjian.meeting;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.gongjian.TasklistPage;
import org.gongjian.TestClock;
import org.gongjian.agreement.AgreementWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.meeting.MeetingWorld.*;

/**
 * The secretary's two pieces of paperwork in a real Tasklist: fixing the agenda (one item deferred, with its reason)
 * and recording the minutes (attendance ticked, prefilled from the answers; a resolution with its owner picked from
 * the members and its deadline from the date picker), checked in the record.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class MeetingInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired JointMeetings meetings;

    private WebDriver browser;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1280, 1000);
        tasklist = new TasklistPage(browser, engine, port);
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/meeting-in-tasklist.png");
        browser.quit();
    }

    @Test
    void theSecretaryFixesTheAgendaAndRecordsTheMinutesInTasklist() {
        new AgreementWorld(engine).activeAgreement("2027-01-01", "2027-12-31");
        TestClock.at(TestClock.TODAY);
        MeetingWorld world = new MeetingWorld(engine, rest, meetings);
        ProcessInstance pi = world.scheduled("寒假工作安排", JointMeetingProcessTest.MEETING_DAY);
        long id = world.meetingId(pi);
        world.proposes(pi, "unit-school-liaison", LIAISON, "寒假期间开放学校图书馆", false);
        world.proposes(pi, "residents-heping", RESIDENT, "小区停车难", false);
        JointMeetings.Meeting m = world.meeting(pi);
        TestClock.at(m.agendaClosesAt());
        world.run(pi, "agendaClosed");

        List<JointMeetings.Item> agenda = meetings.agenda(id);
        int parking = indexOf(agenda, "小区停车难");
        tasklist.openTask(SECRETARY, pi, MeetingProcess.FIX_AGENDA, "Fix the agenda");
        tasklist.choose((parking + 1) + ". 小区停车难");
        tasklist.type("暂缓理由", "待物业公司到会后专题商议");
        tasklist.complete(() -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("noticeDue").count() == 1);
        assertThat(meetings.agenda(id)).allSatisfy(item -> {
            if (item.title().equals("小区停车难")) {
                assertThat(item.decision()).isEqualTo("DEFERRED");
                assertThat(item.decisionReason()).isEqualTo("待物业公司到会后专题商议");
            } else {
                assertThat(item.decision()).as(item.title()).isEqualTo("ACCEPTED");
            }
        });

        TestClock.at(m.noticeAt());
        world.run(pi, "noticeDue");
        world.run(pi, "sendNotice");
        world.answers(pi, "community-heping-secretary", SECRETARY, "ATTEND", "", "");
        world.answers(pi, "unit-school-liaison", LIAISON, "DEPUTY", "副校长 李明", "");
        TestClock.at(m.meetingAt());
        world.run(pi, "meetingBegins");

        tasklist.openTask(SECRETARY, pi, MeetingProcess.RECORD_MINUTES, "Record the minutes");
        assertThat(option("本人出席", "和平社区").isSelected()).as("prefilled from the community's answer").isTrue();
        assertThat(option("委派代表出席", "新华第一实验小学").isSelected()).as("prefilled from the school's answer").isTrue();
        assertThat(option("本人出席", "新华第一实验小学").isSelected()).isFalse();
        assertThat(tasklist.field("各议题讨论情况").getAttribute("value")).as("an outline of the fixed agenda")
                .contains("寒假期间开放学校图书馆").doesNotContain("小区停车难");
        click(option("本人出席", "和平社区居民代表"));
        tasklist.type("各议题讨论情况", "同意寒假每周二、四上午开放图书馆");
        tasklist.choose("会议形成了决议");
        tasklist.complete(pi, MeetingProcess.RECORD_RESOLUTION);

        tasklist.openTask(SECRETARY, pi, MeetingProcess.RECORD_RESOLUTION, "Record a resolution");
        pick("新华第一实验小学");
        tasklist.type("决议内容", "寒假期间每周二、四上午向社区青少年开放学校图书馆");
        WebElement deadline = browser.findElements(By.cssSelector(".fjs-form-field-datetime input")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        deadline.sendKeys("01/31/2027", Keys.TAB);
        tasklist.type("验收方式", "社区书记现场查看开放登记");
        tasklist.complete(() -> engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("publishMinutes").count() == 1);

        assertThat(meetings.member(id, COMMUNITY).orElseThrow().attendance()).isEqualTo("PRESENT");
        assertThat(meetings.member(id, SCHOOL).orElseThrow().attendance()).as("the leader sent a deputy").isEqualTo("DEPUTY");
        assertThat(meetings.member(id, RESIDENTS).orElseThrow().attendance()).isEqualTo("PRESENT");
        JointMeetings.Resolution r = meetings.resolutionsOf(id).get(0);
        assertThat(r.ownerKind()).isEqualTo("UNIT");
        assertThat(r.ownerId()).isEqualTo("school");
        assertThat(r.deadline()).isEqualTo(LocalDate.of(2027, 1, 31));

        world.run(pi, "publishMinutes");
        ProcessInstance tracked = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(pi.getBusinessKey() + "/R" + r.id()).singleResult();
        Task report = world.task(tracked, MeetingProcess.REPORT_RESOLUTION);
        assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("unit-school-liaison");
    }

    private static int indexOf(List<JointMeetings.Item> agenda, String title) {
        for (int i = 0; i < agenda.size(); i++) {
            if (agenda.get(i).title().equals(title)) {
                return i;
            }
        }
        throw new AssertionError("no item " + title);
    }

    /** The checkbox of one option in the checklist with that label. */
    private WebElement option(String checklist, String option) {
        return browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-checklist')][.//label[starts-with(normalize-space(),'"
                + checklist + "')]]//label[normalize-space()='" + option + "']//input[@type='checkbox']"
                + " | //div[contains(@class,'fjs-form-field-checklist')][.//label[starts-with(normalize-space(),'" + checklist
                + "')]]//input[@type='checkbox'][following-sibling::label[normalize-space()='" + option + "']]"));
    }

    /** Opens the form's select and picks the option, as a person clicks the field and then the option. */
    private void pick(String option) {
        By item = By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']");
        WebElement display = browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-select-display"));
        tasklist.scrollTo(display);
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(display).click().perform();
        tasklist.waiting().until(ExpectedConditions.presenceOfElementLocated(item));
        browser.findElement(item).click();
    }

    private void click(WebElement checkbox) {
        tasklist.scrollTo(checkbox);
        checkbox.click();
    }
}
