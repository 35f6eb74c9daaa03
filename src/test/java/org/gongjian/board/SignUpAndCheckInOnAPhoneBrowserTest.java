package org.gongjian.board;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.gongjian.TestClock;
import org.gongjian.Browser;
import org.gongjian.GongjianTest;
import org.gongjian.activity.Activities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** A resident signs up on a phone, then on the day scans the venue's code and checks in. */
@GongjianTest
@ExtendWith(TestClock.class)
class SignUpAndCheckInOnAPhoneBrowserTest {

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired Activities activities;

    private WebDriver phone;
    private WebDriverWait wait;

    @BeforeEach
    void openPhoneSizedBrowser() {
        phone = Browser.chromium(390, 844);
        // a desktop window is at least 500 pixels wide; the phone's own screen, with its viewport rules
        ((ChromiumDriver) phone).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        wait = new WebDriverWait(phone, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        TestClock.reset();
        phone.quit();
    }

    @Test
    void aResidentSignsUpAndChecksInByScanningTheVenuesCode() throws Exception {
        Instant start = TestActivities.tenOClock(4);
        long id = new TestActivities(activities).published("社区义诊进楼栋", 30, start, start.minusSeconds(14 * 3600));
        String number = TestActivities.phone();
        try {
            phone.get("http://localhost:" + port + "/a/" + id);
            wait.until(ExpectedConditions.elementToBeClickable(By.name("name")));
            assertFitsTheScreen("activity page");
            phone.findElement(By.name("name")).sendKeys("刘桂兰");
            phone.findElement(By.name("phone")).sendKeys(number);
            phone.findElement(By.name("partyMember")).click();
            phone.findElement(By.cssSelector("input[name=partyOrganisation][value=RETIRED]")).click();
            phone.findElement(By.cssSelector("button[type=submit].big")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "报名成功"));
            assertThat(phone.findElement(By.id("personal-link")).getText()).contains("/a/" + id + "/me/");
            assertFitsTheScreen("sign-up confirmation");

            // what the venue's code says, read off the image the liaison shows
            byte[] png = mvc.perform(get("/activities/" + id + "/qr.png")
                            .with(user("yangxue").authorities(() -> "GROUP_unit-school-liaison")))
                    .andReturn().getResponse().getContentAsByteArray();
            URI scanned = URI.create(PublicActivityPagesTest.decode(png));

            TestClock.at(start.minusSeconds(20 * 60));
            phone.get("http://localhost:" + port + scanned.getRawPath() + "?" + scanned.getRawQuery());
            wait.until(ExpectedConditions.elementToBeClickable(By.name("phone")));
            assertFitsTheScreen("check-in page");
            phone.findElement(By.name("phone")).sendKeys(number);
            phone.findElement(By.cssSelector("button[type=submit].big")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "签到成功"));
            assertThat(phone.findElement(By.id("rate-link")).isDisplayed()).isTrue();
            assertFitsTheScreen("check-in confirmation");
            assertThat(activities.signup(id, number).orElseThrow().checkedInAt()).isNotNull();
        } catch (AssertionError | RuntimeException e) {
            Browser.keepScreenshot(phone, "target/board-phone-checkin.png");
            throw e;
        }
    }

    private void assertFitsTheScreen(String page) {
        JavascriptExecutor js = (JavascriptExecutor) phone;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(innerWidth).as("the window is phone-sized").isEqualTo(390);
        assertThat(scrollWidth).as(page + " scrolls sideways").isLessThanOrEqualTo(innerWidth);
    }
}
