package org.gongjian.commitment;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.gongjian.TasklistPage;
import org.gongjian.TestClock;
import org.gongjian.funds.FundTransfers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.commitment.CommitmentWorld.*;

/** A quarter's forms used in a real Tasklist: projects, commitments returned once and approved, the instalment approved by the unit's leader and transferred. */
@GongjianTest
@ExtendWith(TestClock.class)
class QuarterInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired FundTransfers transfers;

    private WebDriver browser;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1400, 1000);
        tasklist = new TasklistPage(browser, engine, port);
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/quarter-in-tasklist.png");
        browser.quit();
    }

    @Test
    void theCommunityListsProjectsTheUnitCommitsIsReturnedOnceAndFinanceTransfers() {
        CommitmentWorld world = new CommitmentWorld(engine);
        ProcessInstance quarter = world.start(agreementNumber());

        // the projects come prefilled from the agreement's needs, one row each; staff add a third
        tasklist.openTask(STAFF, quarter, CommitmentProcess.PREPARE_PROJECTS, "本季度共建项目");
        tasklist.waiting().until(driver -> tasklist.rows().size() == 2);
        assertThat(tasklist.cell(0, "title").getAttribute("value")).isEqualTo("关爱空巢老人");
        tasklist.addRow();
        tasklist.typeIn(2, "title", "社区公园清洁");
        tasklist.typeIn(2, "description", "每月一次");
        Browser.document(browser, "quarterly-projects", By.cssSelector("form.gongjian-form h3"));
        tasklist.complete(quarter, CommitmentProcess.SUBMIT_COMMITMENTS);
        assertThat(json(quarter, "projects")).isEqualTo("[{\"title\":\"关爱空巢老人\",\"description\":\"每月上门探访\"},"
                + "{\"title\":\"青少年课后托管\",\"description\":\"\"},{\"title\":\"社区公园清洁\",\"description\":\"每月一次\"}]");

        // three rows, one removed again, dates from the picker, no separator typed anywhere
        tasklist.openTask(LIAISON, quarter, CommitmentProcess.SUBMIT_COMMITMENTS, "社区公园清洁");
        fillActivity(0, LocalDate.of(2027, 1, 16), "周末课堂", "社区活动室", 30, 5, "2", "教育辅导");
        tasklist.addRow();
        fillActivity(1, LocalDate.of(2027, 2, 20), "写错的一行", "社区活动室", 10, 0, "1", "其他");
        tasklist.addRow();
        fillActivity(2, LocalDate.of(2027, 3, 5), "学雷锋志愿服务", "学校操场", 50, 10, "3", "志愿服务");
        tasklist.removeRow(1);
        browser.findElement(By.id("fundInstalment")).sendKeys("3000");

        // a day after the quarter: the picker's row is marked, Complete stays disabled, nothing moves
        tasklist.pickDate(1, "date", LocalDate.of(2027, 4, 2));
        tasklist.waiting().until(driver -> tasklist.rows().get(1).getText().contains("须在本季度"));
        assertThat(browser.findElement(By.cssSelector("button[ng-click='complete()']")).isEnabled()).isFalse();
        assertThat(world.task(quarter, CommitmentProcess.SUBMIT_COMMITMENTS)).isNotNull();
        tasklist.pickDate(1, "date", LocalDate.of(2027, 3, 5));
        Browser.document(browser, "quarterly-commitments", By.cssSelector("form.gongjian-form h4"));
        tasklist.complete(quarter, CommitmentProcess.APPROVE_COMMITMENTS);
        assertThat(json(quarter, "activities")).isEqualTo("[{\"date\":\"2027-01-16\",\"title\":\"周末课堂\",\"place\":\"社区活动室\","
                + "\"places\":30,\"volunteers\":5,\"hours\":2,\"kind\":\"教育辅导\"},"
                + "{\"date\":\"2027-03-05\",\"title\":\"学雷锋志愿服务\",\"place\":\"学校操场\",\"places\":50,\"volunteers\":10,"
                + "\"hours\":3,\"kind\":\"志愿服务\"}]");
        assertThat(engine.getRuntimeService().getVariable(quarter.getId(), "fundInstalment")).isEqualTo("3000.00");

        tasklist.openTask(STAFF, quarter, CommitmentProcess.APPROVE_COMMITMENTS, "学雷锋志愿服务");
        Browser.document(browser, "commitments-approve", By.xpath("//*[contains(text(), '审核季度承诺')]"));
        tasklist.choose("退回单位修改 Return to the unit");
        tasklist.fill(new String[][] {{"退回意见", "请写明每项活动的志愿者人数"}});
        tasklist.complete(quarter, CommitmentProcess.SUBMIT_COMMITMENTS);

        // returned: the reason at the top, the rows as they were sent
        tasklist.openTask(LIAISON, quarter, CommitmentProcess.SUBMIT_COMMITMENTS, "请写明每项活动的志愿者人数");
        tasklist.waiting().until(driver -> tasklist.rows().size() == 2);
        Browser.document(browser, "quarterly-commitments-returned", By.cssSelector("form.gongjian-form .alert"));
        assertThat(tasklist.cell(1, "title").getAttribute("value")).isEqualTo("学雷锋志愿服务");
        tasklist.typeIn(0, "volunteers", 8);
        tasklist.complete(quarter, CommitmentProcess.APPROVE_COMMITMENTS);

        tasklist.openTask(STAFF, quarter, CommitmentProcess.APPROVE_COMMITMENTS, "学雷锋志愿服务");
        tasklist.choose("通过，启动活动与经费拨付 Approve");
        tasklist.complete(() -> engine.getManagementService().createJobQuery().processInstanceId(quarter.getId())
                .activityId(CommitmentProcess.START_ACTIVITIES).count() == 1);
        world.run(quarter, CommitmentProcess.START_ACTIVITIES);
        String key = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(quarter.getId())
                .singleResult().getBusinessKey();
        assertThat(world.instances("activity", key + "/1") + world.instances("activity", key + "/2")).isEqualTo(2);

        ProcessInstance funds = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(key + "/funds").singleResult();
        tasklist.openTask("zhangjianguo", funds, "approveTransfer", "3000");
        tasklist.choose("同意按申请金额拨付");
        tasklist.complete(funds, "transferFunds");
        tasklist.openTask(FINANCE, funds, "transferFunds", "3000");
        tasklist.fill(new String[][] {{"拨付凭证号", "PZ-2027-0316"}, {"实际拨付金额（元）", "3000"}});
        WebElement date = browser.findElements(By.cssSelector(".fjs-form-field-datetime input")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        date.sendKeys("11/20/2026", Keys.TAB);
        tasklist.complete(() -> transfers.find(key + "/funds").isPresent());
        assertThat(transfers.find(key + "/funds").orElseThrow().voucherNumber()).isEqualTo("PZ-2027-0316");
    }

    private void fillActivity(int row, LocalDate day, String title, String place, int places, int volunteers,
                              String hours, String kind) {
        tasklist.pickDate(row, "date", day);
        tasklist.typeIn(row, "title", title);
        tasklist.typeIn(row, "place", place);
        tasklist.typeIn(row, "places", places);
        tasklist.typeIn(row, "volunteers", volunteers);
        tasklist.typeIn(row, "hours", hours);
        tasklist.select(row, "kind", kind);
    }

    private String json(ProcessInstance pi, String variable) {
        return engine.getRuntimeService().getVariable(pi.getId(), variable).toString();
    }
}
