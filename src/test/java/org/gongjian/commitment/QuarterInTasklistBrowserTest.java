package org.gongjian.commitment;

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
        browser = Browser.chromium(1280, 1000);
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

        tasklist.openTask(STAFF, quarter, CommitmentProcess.PREPARE_PROJECTS, "本季度项目清单");
        assertThat(tasklist.field("本季度项目清单").getAttribute("value")).contains("关爱空巢老人");
        tasklist.complete(quarter, CommitmentProcess.SUBMIT_COMMITMENTS);

        tasklist.openTask(LIAISON, quarter, CommitmentProcess.SUBMIT_COMMITMENTS, "本季度活动");
        tasklist.fill(new String[][] {
                {"本季度活动", "2027-01-16，社区活动室，30，周末课堂，5，2\n2027-03-05，学校操场，50，学雷锋志愿服务，10，3"},
                {"本季度拨付经费（元）", "3000"}});
        tasklist.complete(quarter, CommitmentProcess.APPROVE_COMMITMENTS);

        tasklist.openTask(STAFF, quarter, CommitmentProcess.APPROVE_COMMITMENTS, "学雷锋志愿服务");
        tasklist.choose("退回单位修改 Return to the unit");
        tasklist.fill(new String[][] {{"退回意见", "请写明每项活动的志愿者人数"}});
        tasklist.complete(quarter, CommitmentProcess.SUBMIT_COMMITMENTS);

        tasklist.openTask(LIAISON, quarter, CommitmentProcess.SUBMIT_COMMITMENTS, "请写明每项活动的志愿者人数");
        assertThat(tasklist.field("本季度活动").getAttribute("value")).contains("学雷锋志愿服务");
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
}
