package org.gongjian;

import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by Debian's ChromeDriver (Selenium Manager cannot download here). */
public final class Browser {

    private Browser() {
    }

    /** A Chinese browser, as the people using Gongjian have. */
    public static WebDriver chromium(int width, int height) {
        return chromium(width, height, "zh-CN", "zh-CN,zh");
    }

    /** A browser whose language is {@code language} (e.g. {@code en-US}), asking pages for {@code acceptLanguages}. */
    public static WebDriver chromium(int width, int height, String language, String acceptLanguages) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=" + language, "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** What the browser showed last, for reading after a failure. */
    public static void keepScreenshot(WebDriver driver, String file) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(file),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("No screenshot: " + e);
        }
    }
}
