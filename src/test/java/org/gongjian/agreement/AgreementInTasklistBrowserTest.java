package org.gongjian.agreement;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
class AgreementInTasklistBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired Agreements agreements;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1280, 1000);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/agreement-in-tasklist.png");
        browser.quit();
    }

    @Test
    void staffDraftTheUnitAnswersTheSecretaryAcceptsBothSignAndTheStreetCommitteeFiles() {
        ProcessInstance pi = new AgreementWorld(engine).start();

        openTask(STAFF, pi, AgreementProcess.DRAFT, "社区需求清单");
        browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "新华第一实验小学"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("国网新华供电所");
        browser.findElement(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='新华第一实验小学']")).click();
        var dates = browser.findElements(By.cssSelector(".fjs-form-field-datetime input")).stream()
                .filter(WebElement::isDisplayed).toList();
        dates.get(0).sendKeys("01/01/2027", Keys.TAB);
        dates.get(1).sendKeys("12/31/2028", Keys.TAB);
        type("社区需求清单", "关爱空巢老人：每月上门探访\n青少年课后托管");
        complete(pi, AgreementProcess.ANSWER);

        openTask(LIAISON, pi, AgreementProcess.ANSWER, "关爱空巢老人");
        fill(new String[][] {{"可提供的场地", "学校操场、多功能厅"}, {"志愿者人数", "20"}, {"专业特长", "青少年教育"},
                {"年度共建经费（元）", "30000"}, {"联系人", "杨雪"}, {"拟开展的活动", "周末课堂：每月第二个周六"}});
        complete(pi, AgreementProcess.REVIEW);

        openTask(SECRETARY, pi, AgreementProcess.REVIEW, "审核意见");
        choose("同意，提交单位书记签署");
        complete(pi, AgreementProcess.SIGN_AS_UNIT);

        openTask(LEADER, pi, AgreementProcess.SIGN_AS_UNIT, "代表单位签署");
        choose("本人已阅读协议，代表单位签署");
        complete(pi, AgreementProcess.SIGN_AS_COMMUNITY);

        openTask(SECRETARY, pi, AgreementProcess.SIGN_AS_COMMUNITY, "代表社区签署");
        choose("本人已阅读协议，代表社区签署");
        complete(pi, AgreementProcess.FILE);

        openTask(STREET, pi, AgreementProcess.FILE, "备案意见");
        choose("备案，协议生效");
        browser.findElement(By.cssSelector("button[ng-click='complete()']")).click();
        wait.until(driver -> engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber") != null);

        String number = (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber");
        Agreements.Agreement agreement = agreements.find(number).orElseThrow();
        assertThat(agreement.status()).isEqualTo("ACTIVE");
        assertThat(agreement.needsJson()).contains("关爱空巢老人", "青少年课后托管");
        assertThat(agreement.resourcesJson()).contains("学校操场", "周末课堂", "30000");
    }

    /** Logs in as the person (a fresh session each time) and opens the task of the process. */
    private void openTask(String user, ProcessInstance pi, String taskKey, String textOfTheForm) {
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey).singleResult().getId();
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form[name='signinForm'] input[ng-model='username'][placeholder='用户名']"))).sendKeys(user);
        browser.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[name='signinForm'].ng-valid")));
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), textOfTheForm));
        // a task offered to a group is claimed first, as in Tasklist a person takes it on before working on it
        var claim = browser.findElements(By.cssSelector("[ng-click='claim()']"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            wait.until(driver -> user.equals(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[ng-click='claim()']")));
        }
    }

    /**
     * Fills the fields by label. Tasklist reloads a task's form shortly after it is claimed, which
     * can empty what was typed just before; a person sees the empty field and types again, and so
     * does this, up to three rounds.
     */
    private void fill(String[][] fields) {
        for (int round = 1; round <= 3; round++) {
            boolean allKept = true;
            for (String[] f : fields) {
                if (!f[1].equals(field(f[0]).getAttribute("value"))) {
                    field(f[0]).clear();
                    type(f[0], f[1]);
                }
            }
            for (String[] f : fields) {
                allKept &= f[1].equals(field(f[0]).getAttribute("value"));
            }
            if (allKept) {
                return;
            }
        }
        for (String[] f : fields) {
            assertThat(field(f[0]).getAttribute("value")).as(f[0]).isEqualTo(f[1]);
        }
    }

    private WebElement field(String label) {
        return labelled(label).findElement(By.xpath(
                "ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]//*[self::input or self::textarea]"));
    }

    /** Types into the form field with that label. */
    private void type(String label, String text) {
        WebElement field = field(label);
        scrollTo(field);
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            field.sendKeys(lines[i]);
            if (i < lines.length - 1) {
                field.sendKeys(Keys.ENTER);
            }
        }
        field.sendKeys(Keys.TAB);
    }

    /** Ticks the checkbox or radio option with that label. */
    private void choose(String label) {
        WebElement option = labelled(label);
        scrollTo(option);
        option.click();
    }

    private WebElement labelled(String label) {
        return browser.findElement(By.xpath("//label[normalize-space()='" + label + "' or normalize-space()='" + label + "*']"));
    }

    private void complete(ProcessInstance pi, String nextTask) {
        WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
        scrollTo(complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(nextTask).count() == 1);
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
