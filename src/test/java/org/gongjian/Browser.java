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
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // a headless window is at least 500 wide; a phone's viewport is narrower, so say it outright
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return driver;
    }

    /**
     * With {@code -Dscreenshots=docs/screenshots}, keeps the page for the README: as the browser shows
     * it now, {@code <name>-1400.png} (the tests that document a form open a 1400-wide window), and the
     * same page in a phone-sized browser (390×844) of the same session, {@code <name>-phone.png} (the
     * form as the server sends it, without what was typed here). Otherwise does nothing, so that an
     * ordinary test run leaves the repository as it was. The window itself is never resized: Tasklist
     * does not always lay itself out again after a resize.
     */
    public static void document(WebDriver driver, String name, org.openqa.selenium.By top) {
        String folder = System.getProperty("screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        scrollTo(driver, top);
        keepScreenshot(driver, folder + "/" + name + "-1400.png");
        WebDriver phone = chromium(390, 844);
        try {
            java.net.URI page = java.net.URI.create(driver.getCurrentUrl());
            phone.get(page.getScheme() + "://" + page.getAuthority() + "/camunda/app/welcome/");
            driver.manage().getCookies().forEach(cookie -> phone.manage().addCookie(cookie));
            phone.get(page.toString());
            new org.openqa.selenium.support.ui.WebDriverWait(phone, Duration.ofSeconds(60))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(top));
            scrollTo(phone, top);
            keepScreenshot(phone, folder + "/" + name + "-phone.png");
        } finally {
            phone.quit();
        }
    }

    private static void scrollTo(WebDriver driver, org.openqa.selenium.By element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)",
                driver.findElement(element));
        try {
            Thread.sleep(300); // the scroll settles
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
