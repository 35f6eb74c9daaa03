package org.gongjian.system;

import java.time.Duration;

import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cadre whose browser speaks English chooses 中文 in Tasklist; the choice survives a reload and
 * holds in Cockpit, Admin and Welcome, until English is chosen again, which Gongjian's own pages
 * then speak as well.
 */
@GongjianTest
class WebappLanguageSwitchBrowserTest {

    // the footer line every app shows (CAM_WIDGET_FOOTER_TIMEZONE in en.json / zh.json)
    private static final String FOOTER_EN = "Date and Time displayed in local timezone:";
    private static final String FOOTER_ZH = "日期和时间以本地时区显示：";

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.chromium(1280, 900, "en-US", "en-US,en");
        // a click on the switch reloads the page under the wait's feet
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        Browser.keepScreenshot(browser, "target/webapp-language-switch.png");
        browser.quit();
    }

    @Test
    void aChosenLanguageStaysAcrossReloadsAndApps() {
        open("tasklist");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form[name='signinForm'] input[ng-model='username'][placeholder='Username']"))).sendKeys("demo");
        browser.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']")).sendKeys("demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[name='signinForm'].ng-valid")));
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        waitForText("Start process");
        assertThat(body()).as("an English browser gets English first").contains(FOOTER_EN).doesNotContain("发起流程");
        assertThat(pressed()).isEqualTo("en");

        choose("zh");
        waitForText("发起流程");
        browser.navigate().refresh();
        waitForText("发起流程");
        assertThat(body()).as("Tasklist after a reload").contains(FOOTER_ZH, "创建任务").doesNotContain("Start process");
        assertThat(pressed()).isEqualTo("zh");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

        open("cockpit");
        waitForText("流程定义");
        assertThat(body()).as("Cockpit").contains(FOOTER_ZH).doesNotContain("Process Definitions");
        for (String app : new String[] {"admin", "welcome"}) {
            open(app);
            waitForText(FOOTER_ZH);
            assertThat(body()).as(app).doesNotContain(FOOTER_EN);
            assertThat(pressed()).as(app).isEqualTo("zh");
        }

        open("cockpit");
        waitForText("流程定义");
        choose("en");
        waitForText("Process Definitions");
        browser.navigate().refresh();
        waitForText("Process Definitions");
        assertThat(body()).as("Cockpit after a reload").contains(FOOTER_EN).doesNotContain("流程定义", FOOTER_ZH);
        assertThat(pressed()).isEqualTo("en");

        open("tasklist");
        waitForText("Start process");
        assertThat(body()).as("Tasklist in English again").doesNotContain("发起流程");

        browser.get("http://localhost:" + port + "/");
        waitForText("Joint building between a community");
        assertThat(body()).as("Gongjian's own pages keep the same choice").doesNotContain("社区与驻区单位共建机制");
    }

    private void open(String app) {
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    }

    /** Clicks the language in the footer's switch; the app starts again in it. */
    private void choose(String locale) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#gongjian-language button[data-locale='" + locale + "']"))).click();
        wait.until(driver -> locale.equals(pressed()));
    }

    /** The language the switch shows as chosen, or null while the footer is not there yet. */
    private String pressed() {
        var buttons = browser.findElements(By.cssSelector("#footer-timezone #gongjian-language button[aria-pressed='true']"));
        return buttons.isEmpty() ? null : buttons.get(0).getAttribute("data-locale");
    }

    private void waitForText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }
}
