package org.gongjian.identity;

import java.time.Duration;

import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit's liaison logs into Tasklist in a real browser and finds the filters of the role. */
@GongjianTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/tasklist-login.png");
        browser.quit();
    }

    @Test
    void aLiaisonLogsIntoTasklistAndSeesTheFiltersOfTheRole() {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form[name='signinForm'] input[ng-model='username'][placeholder='用户名']")));
        assertThat(browser.findElement(By.tagName("body")).getText()).as("Tasklist speaks Chinese").contains("登录", "日期和时间");
        browser.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='username']")).sendKeys("yangxue");
        browser.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[name='signinForm'].ng-valid")));
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "本单位 Our unit"));
        String filters = browser.findElement(By.tagName("body")).getText();
        assertThat(filters).contains("我的任务 My tasks", "我的逾期 My overdue tasks", "我组的任务 My group's tasks", "逾期 Overdue",
                "本单位 Our unit · 新华第一实验小学");
        assertThat(filters).doesNotContain("市第二人民医院", "全街道逾期");
        assertThat(filters).as("no Camunda 8 migration banner").doesNotContain("Camunda 8");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
    }
}
