package org.gongjian;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** A person working in the real Tasklist: logs in, opens and claims a task, fills its Camunda Form, completes it. */
public final class TasklistPage {

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final ProcessEngine engine;
    private final int port;

    public TasklistPage(WebDriver browser, ProcessEngine engine, int port) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        this.engine = engine;
        this.port = port;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Logs in as the person (a fresh session each time) and opens the task of the process. */
    public void openTask(String user, ProcessInstance pi, String taskKey, String textOfTheForm) {
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
    public void fill(String[][] fields) {
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

    /** The input or text area of the form field with that label. */
    public WebElement field(String label) {
        return labelled(label).findElement(By.xpath(
                "ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]//*[self::input or self::textarea]"));
    }

    /** Types into the form field with that label. */
    public void type(String label, String text) {
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
    public void choose(String label) {
        WebElement option = labelled(label);
        scrollTo(option);
        option.click();
    }

    public WebElement labelled(String label) {
        return browser.findElement(By.xpath("//label[normalize-space()='" + label + "' or normalize-space()='" + label + "*']"));
    }

    /** Completes the open task and waits until the process has moved on to the next task. */
    public void complete(ProcessInstance pi, String nextTask) {
        complete(() -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(nextTask).count() == 1);
    }

    /** Completes the open task and waits until the engine shows what completing it did. */
    public void complete(BooleanSupplier done) {
        WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
        scrollTo(complete);
        // right after a window resize the layout can still cover the button for a moment
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(driver -> {
            wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
            return true;
        });
        wait.until(driver -> done.getAsBoolean());
    }

    /** The rows of an embedded form's list, in the order shown. */
    public java.util.List<WebElement> rows() {
        return rows(null);
    }

    /** The rows of one of the form's lists (its rows carry that class, e.g. "venue"), or of its only list. */
    public java.util.List<WebElement> rows(String list) {
        return browser.findElements(By.cssSelector("form.gongjian-form .gongjian-row" + (list == null ? "" : "." + list)));
    }

    /** The input of that column in the row (counted from 0) of an embedded form's list. */
    public WebElement cell(int row, String column) {
        return cell(null, row, column);
    }

    public WebElement cell(String list, int row, String column) {
        return rows(list).get(row).findElement(By.cssSelector("[data-column='" + column + "']"));
    }

    /** Adds a row at the end of the embedded form's list, as a person clicks "添加". */
    public void addRow() {
        addRow(null);
    }

    /** Adds a row to one of the form's lists, with its button "add-<list>". */
    public void addRow(String list) {
        WebElement add = browser.findElement(By.cssSelector("form.gongjian-form button.add-row" + (list == null ? "" : ".add-" + list)));
        scrollTo(add);
        int before = rows(list).size();
        add.click();
        wait.until(driver -> rows(list).size() == before + 1);
    }

    public void removeRow(int row) {
        removeRow(null, row);
    }

    public void removeRow(String list, int row) {
        int before = rows(list).size();
        WebElement remove = rows(list).get(row).findElement(By.cssSelector("button.remove-row"));
        scrollTo(remove);
        remove.click();
        wait.until(driver -> rows(list).size() == before - 1);
    }

    /** Types into a row's text or number input, replacing what is there. */
    public void typeIn(int row, String column, Object value) {
        typeIn(null, row, column, value);
    }

    public void typeIn(String list, int row, String column, Object value) {
        WebElement input = cell(list, row, column);
        scrollTo(input);
        input.clear();
        input.sendKeys(String.valueOf(value));
    }

    /**
     * Picks a day in a row's date input with the keyboard, as a person does in the browser's date
     * picker: focus, then the day's parts in the order the browser shows them (month/day/year in
     * an en-US Chromium, year/month/day in a Chinese one); the input's value tells which took.
     */
    public void pickDate(int row, String column, java.time.LocalDate day) {
        pickDate(cell(row, column), day);
    }

    /** Picks a day in any date input of an embedded form, as {@link #pickDate(int, String, java.time.LocalDate)}. */
    public void pickDate(WebElement input, java.time.LocalDate day) {
        scrollTo(input);
        String year = String.valueOf(day.getYear());
        String month = String.format("%02d", day.getMonthValue());
        String dayOfMonth = String.format("%02d", day.getDayOfMonth());
        for (CharSequence[] order : new CharSequence[][] {{month, dayOfMonth, year},
                {year, Keys.ARROW_RIGHT, month, dayOfMonth}}) {
            input.clear();
            ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", input);
            input.sendKeys(order);
            if (day.toString().equals(input.getAttribute("value"))) {
                input.sendKeys(Keys.TAB);
                return;
            }
        }
        assertThat(input.getAttribute("value")).as("the date picked").isEqualTo(day.toString());
    }

    /** Chooses an option of a row's select by its text. */
    public void select(int row, String column, String option) {
        WebElement select = cell(row, column);
        scrollTo(select);
        new org.openqa.selenium.support.ui.Select(select).selectByVisibleText(option);
    }

    public void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
