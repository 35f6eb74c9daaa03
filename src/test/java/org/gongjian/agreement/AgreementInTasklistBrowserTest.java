package org.gongjian.agreement;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.gongjian.TasklistPage;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.agreement.AgreementWorld.*;

/**
 * An agreement carried from draft to in force entirely in a real Tasklist, each step by the seed
 * user whose role it is, through the forms in forms/: the draft and the answer fill their lists as rows.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class AgreementInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Agreements agreements;

    private WebDriver browser;
    private WebDriverWait wait;
    private TasklistPage tasklist;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1400, 1000);
        tasklist = new TasklistPage(browser, engine, port);
        wait = tasklist.waiting();
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/agreement-in-tasklist.png");
        browser.quit();
    }

    @Test
    void staffDraftTheUnitAnswersTheSecretaryAcceptsBothSignAndTheStreetCommitteeFiles() {
        ProcessInstance pi = new AgreementWorld(engine).start();

        // the draft: the unit from the community's own units, the term from two date pickers, the needs as rows
        tasklist.openTask(STAFF, pi, AgreementProcess.DRAFT, "社区需求清单");
        Select unit = new Select(browser.findElement(By.id("unitId")));
        assertThat(unit.getOptions()).extracting(WebElement::getText).contains("新华第一实验小学")
                .doesNotContain("国网新华供电所");
        unit.selectByVisibleText("新华第一实验小学");
        tasklist.pickDate(browser.findElement(By.id("termStart")), LocalDate.of(2027, 1, 1));
        tasklist.typeIn(0, "title", "关爱空巢老人");
        tasklist.typeIn(0, "description", "每月上门探访");
        tasklist.addRow();
        tasklist.typeIn(1, "title", "写错的一项");
        tasklist.addRow();
        tasklist.typeIn(2, "title", "青少年课后托管");
        tasklist.removeRow(1);

        // an end before the start: the form marks it and Complete stays disabled; nothing moves
        tasklist.pickDate(browser.findElement(By.id("termEnd")), LocalDate.of(2026, 12, 31));
        wait.until(driver -> browser.findElement(By.tagName("body")).getText().contains("须晚于开始日期"));
        assertThat(browser.findElement(By.cssSelector("button[ng-click='complete()']")).isEnabled()).isFalse();
        assertThat(new AgreementWorld(engine).task(pi, AgreementProcess.DRAFT)).isNotNull();
        tasklist.pickDate(browser.findElement(By.id("termEnd")), LocalDate.of(2028, 12, 31));
        Browser.document(browser, "agreement-draft", By.cssSelector("form.gongjian-form h3"));
        tasklist.complete(pi, AgreementProcess.ANSWER);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "needs").toString()).isEqualTo(
                "[{\"title\":\"关爱空巢老人\",\"description\":\"每月上门探访\"},{\"title\":\"青少年课后托管\",\"description\":\"\"}]");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "termEnd")).isEqualTo("2028-12-31");

        // the answer: venues and proposed activities as rows
        tasklist.openTask(LIAISON, pi, AgreementProcess.ANSWER, "关爱空巢老人");
        tasklist.addRow("venue");
        tasklist.typeIn("venue", 0, "name", "学校操场");
        tasklist.typeIn("venue", 0, "capacity", 300);
        tasklist.addRow("venue");
        tasklist.typeIn("venue", 1, "name", "多功能厅");
        tasklist.typeIn("activity", 0, "title", "周末课堂");
        tasklist.typeIn("activity", 0, "timing", "每月第二个周六");
        tasklist.addRow("activity");
        tasklist.typeIn("activity", 1, "title", "暂不开展");
        tasklist.addRow("activity");
        tasklist.typeIn("activity", 2, "title", "学雷锋志愿服务");
        tasklist.typeIn("activity", 2, "timing", "每年三月");
        tasklist.removeRow("activity", 1);
        for (String[] field : new String[][] {{"volunteers", "20"}, {"expertise", "青少年教育"}, {"annualFunds", "30000"},
                {"contactPerson", "杨雪"}}) {
            WebElement input = browser.findElement(By.id(field[0]));
            tasklist.scrollTo(input);
            input.sendKeys(field[1]);
        }
        Browser.document(browser, "agreement-resources", By.cssSelector("form.gongjian-form h3"));
        tasklist.complete(pi, AgreementProcess.REVIEW);
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "venues").toString())
                .isEqualTo("[{\"name\":\"学校操场\",\"capacity\":300},{\"name\":\"多功能厅\",\"capacity\":0}]");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "proposedActivities").toString()).isEqualTo(
                "[{\"title\":\"周末课堂\",\"timing\":\"每月第二个周六\"},{\"title\":\"学雷锋志愿服务\",\"timing\":\"每年三月\"}]");

        tasklist.openTask(SECRETARY, pi, AgreementProcess.REVIEW, "审核意见");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("学校操场（300 人）", "多功能厅", "青少年课后托管");
        Browser.document(browser, "agreement-review", By.xpath("//*[contains(text(), '审核单位答复')]"));
        tasklist.choose("同意，提交单位书记签署");
        tasklist.complete(pi, AgreementProcess.SIGN_AS_UNIT);

        tasklist.openTask(LEADER, pi, AgreementProcess.SIGN_AS_UNIT, "代表单位签署");
        tasklist.choose("本人已阅读协议，代表单位签署");
        tasklist.complete(pi, AgreementProcess.SIGN_AS_COMMUNITY);

        tasklist.openTask(SECRETARY, pi, AgreementProcess.SIGN_AS_COMMUNITY, "代表社区签署");
        tasklist.choose("本人已阅读协议，代表社区签署");
        tasklist.complete(pi, AgreementProcess.FILE);

        tasklist.openTask(STREET, pi, AgreementProcess.FILE, "备案意见");
        tasklist.choose("备案，协议生效");
        browser.findElement(By.cssSelector("button[ng-click='complete()']")).click();
        wait.until(driver -> engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber") != null);

        String number = (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber");
        Agreements.Agreement agreement = agreements.find(number).orElseThrow();
        assertThat(agreement.status()).isEqualTo("ACTIVE");
        assertThat(agreement.needsJson()).contains("关爱空巢老人", "青少年课后托管");
        assertThat(agreement.resourcesJson()).contains("学校操场", "周末课堂", "学雷锋志愿服务", "30000");
    }
}
