package org.gongjian.agreement;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.agreement.AgreementWorld.*;

/**
 * An agreement carried from draft to in force entirely in a real Tasklist, each step by the seed
 * user whose role it is, through the Camunda Forms in forms/.
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
        browser = Browser.chromium(1280, 1000);
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

        tasklist.openTask(STAFF, pi, AgreementProcess.DRAFT, "社区需求清单");
        browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "新华第一实验小学"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("国网新华供电所");
        browser.findElement(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='新华第一实验小学']")).click();
        var dates = browser.findElements(By.cssSelector(".fjs-form-field-datetime input")).stream()
                .filter(WebElement::isDisplayed).toList();
        dates.get(0).sendKeys("01/01/2027", Keys.TAB);
        dates.get(1).sendKeys("12/31/2028", Keys.TAB);
        tasklist.type("社区需求清单", "关爱空巢老人：每月上门探访\n青少年课后托管");
        tasklist.complete(pi, AgreementProcess.ANSWER);

        tasklist.openTask(LIAISON, pi, AgreementProcess.ANSWER, "关爱空巢老人");
        tasklist.fill(new String[][] {{"可提供的场地", "学校操场、多功能厅"}, {"志愿者人数", "20"}, {"专业特长", "青少年教育"},
                {"年度共建经费（元）", "30000"}, {"联系人", "杨雪"}, {"拟开展的活动", "周末课堂：每月第二个周六"}});
        tasklist.complete(pi, AgreementProcess.REVIEW);

        tasklist.openTask(SECRETARY, pi, AgreementProcess.REVIEW, "审核意见");
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
        assertThat(agreement.resourcesJson()).contains("学校操场", "周末课堂", "30000");
    }
}
