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

    /**
     * With {@code -Dscreenshots=docs/screenshots}, keeps what the browser shows as {@code <name>-1400.png}
     * (1400 wide) and {@code <name>-phone.png} (390×844) for the README; otherwise does nothing, so
     * that an ordinary test run leaves the repository as it was.
     */
    public static void document(WebDriver driver, String name, org.openqa.selenium.WebElement top) {
        String folder = System.getProperty("screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(folder));
            for (Object[] size : new Object[][] {{1400, 1000, "1400"}, {390, 844, "phone"}}) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension((int) size[0], (int) size[1]));
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", top);
                Thread.sleep(500); // the layout settles after the resize
                keepScreenshot(driver, folder + "/" + name + "-" + size[2] + ".png");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.manage().window().setSize(before);
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)", top);
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
