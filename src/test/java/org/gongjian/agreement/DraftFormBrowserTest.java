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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The draft form in a real Tasklist: community staff pick one of their own community's units and complete the draft. */
@GongjianTest
class DraftFormBrowserTest {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1280, 1000);
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/draft-form.png");
        browser.quit();
    }

    @Test
    void staffDraftAnAgreementInTasklistChoosingAUnitOfTheirCommunity() {
        ProcessInstance pi = new AgreementWorld(engine).start();
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form[name='signinForm'] input[ng-model='username'][placeholder='用户名']"))).sendKeys(AgreementWorld.STAFF);
        browser.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[name='signinForm'].ng-valid")));
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "社区需求清单"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("和平社区", "驻区单位", "协议期限");

        browser.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "新华第一实验小学"));
        String options = browser.findElement(By.tagName("body")).getText();
        assertThat(options).contains("新华第一实验小学", "市第二人民医院", "星辰软件有限公司").doesNotContain("国网新华供电所");

        // and completes the draft as a person would: the unit, the term, the needs one per line
        browser.findElement(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='新华第一实验小学']")).click();
        var dates = browser.findElements(By.cssSelector(".fjs-form-field-datetime input")).stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed).toList();
        dates.get(0).sendKeys("01/01/2027", Keys.TAB);
        dates.get(1).sendKeys("12/31/2028", Keys.TAB);
        var needs = browser.findElement(By.cssSelector(".fjs-form-field-textarea textarea"));
        scrollTo(needs);
        needs.sendKeys("关爱空巢老人：每月上门探访", Keys.ENTER, "青少年课后托管", Keys.TAB);
        var complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
        scrollTo(complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();

        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(AgreementProcess.ANSWER).count() == 1);
        var variables = engine.getRuntimeService().getVariables(pi.getId());
        assertThat(variables).containsEntry("unitId", "school").containsEntry("unitName", "新华第一实验小学")
                .containsEntry("termStart", "2027-01-01").containsEntry("termEnd", "2028-12-31");
        assertThat(variables.get("needs").toString()).contains("关爱空巢老人", "每月上门探访", "青少年课后托管");
    }

    private void scrollTo(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
