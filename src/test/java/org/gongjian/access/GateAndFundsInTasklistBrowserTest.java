package org.gongjian.access;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.Browser;
import org.gongjian.EngineWorld;
import org.gongjian.GongjianTest;
import org.gongjian.TasklistPage;
import org.gongjian.TestClock;
import org.gongjian.funds.FundTransferProcess;
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
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.access.AccessProcess.*;

/**
 * The gate and the money in a real Tasklist: the department ticks the communities, the secretary accepts the
 * work, the department approves its payment, and the secretary's receipt of less than was paid opens reconciliation.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class GateAndFundsInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired FundTransfers transfers;
    @Autowired JdbcTemplate jdbc;

    private WebDriver browser;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1280, 1000);
        tasklist = new TasklistPage(browser, engine, port);
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/gate-and-funds-in-tasklist.png");
        browser.quit();
    }

    @Test
    void aDepartmentsWorkPassesTheGateAndItsMoneyIsReconciledWhenLessArrives() {
        EngineWorld world = new EngineWorld(engine) {};
        LocalDate today = LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai"));
        Map<String, Object> v = new HashMap<>();
        v.put(WORK_TYPE, "benefit-check");
        v.put(TITLE, "低保家庭入户核查");
        v.put(HOURS, 30L);
        v.put(PEOPLE, 2L);
        v.put(PERIOD_START, today.toString());
        v.put(PERIOD_END, today.plusDays(40).toString());
        v.put(FUNDING, "2500");
        world.as("dengchao");
        ProcessInstance gate = engine.getFormService().submitStartForm(engine.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId(), v);
        world.nobody();

        tasklist.openTask("dengchao", gate, CHOOSE_COMMUNITIES, "勾选要承担这项工作的社区");
        tasklist.choose("和平社区");
        tasklist.complete(gate, ACCEPT_WORK);

        tasklist.openTask("wangfang", gate, ACCEPT_WORK, "低保家庭入户核查");
        tasklist.choose("接受这项工作");
        tasklist.complete(() -> engine.getManagementService().createJobQuery().processInstanceId(gate.getId())
                .activityId(START_DEPARTMENT_PAYMENT).count() == 1);
        world.run(gate, START_DEPARTMENT_PAYMENT);

        long id = jdbc.queryForObject("SELECT id FROM access_request WHERE process_instance_id = ?", Long.class, gate.getId());
        String key = FundTransferProcess.accessPaymentKey(id, "heping");
        ProcessInstance funds = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
                .singleResult();
        tasklist.openTask("dengchao", funds, FundTransferProcess.APPROVE_TRANSFER, "2500");
        tasklist.choose("同意按申请金额拨付");
        tasklist.complete(funds, FundTransferProcess.TRANSFER_FUNDS);
        world.complete(funds, FundTransferProcess.TRANSFER_FUNDS, "qianli", Map.of(FundTransferProcess.VOUCHER_NUMBER, "PZ-MZ-7",
                FundTransferProcess.TRANSFERRED_AMOUNT, "2500", FundTransferProcess.TRANSFER_DATE, today.toString()));

        tasklist.openTask("wangfang", funds, FundTransferProcess.CONFIRM_RECEIPT, "PZ-MZ-7");
        tasklist.fill(new String[][] {{"实际到账金额（元）", "2400"}});
        WebElement date = browser.findElements(By.cssSelector(".fjs-form-field-datetime input")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        date.sendKeys(today.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.TAB);
        tasklist.complete(funds, FundTransferProcess.RECONCILE_TRANSFER);
        assertThat(transfers.receipt(key).orElseThrow().receivedAmount()).isEqualByComparingTo("2400");
        assertThat(transfers.request(key).orElseThrow().state()).isEqualTo(FundTransfers.State.RECONCILING);
    }
}
