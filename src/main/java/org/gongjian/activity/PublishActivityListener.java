package org.gongjian.activity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * Checks what the liaison publishes — a day inside the quarter and not past, a time, at least
 * one place, sign-up closing before the start and not already closed — and puts the activity on
 * the community's board. Sets the times the process waits for: the participants' reminder and the end.
 */
@Component("publishActivityListener")
class PublishActivityListener extends SubmittedFormListener {

    static final int MAX_PLACES = 10_000;

    private final Activities activities;
    private final ActivitySettings settings;
    private final ZoneId zone;
    private final Clock clock;

    PublishActivityListener(Activities activities, ActivitySettings settings, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.activities = activities;
        this.settings = settings;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        Instant now = clock.instant();
        String title = form.text(TITLE, "活动名称", true, 100);
        String kind = form.text(KIND, "活动类型", true, 20);
        String place = form.text(PLACE, "地点", true, 200);
        String description = form.text(DESCRIPTION, "活动介绍", false, 2000);
        LocalDate date = form.date(DATE, "日期");
        // which activity and which quarter: the record the process made when it was committed, not a variable
        Activities.Activity activity = activities.findByBusinessKey(execution.getProcessBusinessKey()).orElseThrow(
                () -> new IllegalStateException("no activity is recorded under " + execution.getProcessBusinessKey()));
        String quarter = activity.quarter();
        LocalDate quarterStart = quarterStart(quarter);
        LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
        if (date.isBefore(quarterStart) || date.isAfter(quarterEnd)) {
            throw FormFields.invalid(DATE, "日期 " + date + " 不在本季度 " + quarterStart + " 至 " + quarterEnd + " 之内 (must fall inside the quarter)");
        }
        if (date.isBefore(LocalDate.ofInstant(now, zone))) {
            throw FormFields.invalid(DATE, "日期 " + date + " 已经过去 (the day has passed)");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(form.text(START_TIME, "开始时间", true, 5));
        } catch (DateTimeParseException e) {
            throw FormFields.invalid(START_TIME, "开始时间应写作 时:分，例如 09:30 (expected HH:mm)");
        }
        BigDecimal hours = form.number(HOURS, "预计时长", BigDecimal.ZERO);
        if (hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw FormFields.invalid(HOURS, "预计时长不能超过 24 小时 (at most 24 hours)");
        }
        int places = wholeNumber(form, PLACES, "名额", 1, MAX_PLACES);
        int closesHours = wholeNumber(form, SIGNUP_CLOSES_HOURS, "报名截止（开始前几小时）", 0, 24 * 14);

        Instant starts = date.atTime(time).atZone(zone).toInstant();
        Instant ends = starts.plus(RegisterActivityDelegate.duration(hours));
        Instant closes = starts.minus(Duration.ofHours(closesHours));
        if (!closes.isAfter(now)) {
            throw FormFields.invalid(SIGNUP_CLOSES_HOURS, "按此设置报名已经截止，请推迟活动或缩短截止时间 (sign-up would already be closed)");
        }
        activities.publish(activity.id(), title, kind, description.isEmpty() ? null : description, place, starts, ends, closes, places, now);
        execution.setVariable(STARTS_AT, Date.from(starts));
        execution.setVariable(ENDS_AT, Date.from(ends));
        execution.setVariable(REMIND_AT, Date.from(starts.minus(Duration.ofHours(settings.reminderHours()))));
    }

    static LocalDate quarterStart(String quarter) {
        // "2027-Q1"
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = Integer.parseInt(quarter.substring(6));
        return LocalDate.of(year, (q - 1) * 3 + 1, 1);
    }

    private static int wholeNumber(FormFields form, String field, String label, int min, int max) {
        BigDecimal number = form.number(field, label, BigDecimal.valueOf(min));
        if (number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw FormFields.invalid(field, label + "不能超过 " + max + " (at most " + max + ")");
        }
        return form.wholeNumber(field, label, min);
    }
}
