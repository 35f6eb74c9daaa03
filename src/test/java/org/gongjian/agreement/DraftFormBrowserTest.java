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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The draft form in a real Tasklist: community staff pick the unit from their own community's units. */
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
    void theDraftFormOffersTheUnitsOfTheStaffMembersCommunity() {
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
    }
}
