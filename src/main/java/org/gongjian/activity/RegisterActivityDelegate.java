package org.gongjian.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * Enters the committed activity in the activity table, not yet public, with the venue's secret
 * check-in code, and proposes the details the liaison confirms when publishing (9:00, sign-up
 * closing two hours before). Unpublished at the end of its committed day, it is missed. Runs in the transaction that started the process; a second run for
 * the same business key finds the row and changes nothing.
 */
@Component("registerActivityDelegate")
class RegisterActivityDelegate implements JavaDelegate {

    static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    static final long DEFAULT_SIGNUP_CLOSES_HOURS = 2;

    private final Activities activities;
    private final ZoneId zone;

    RegisterActivityDelegate(Activities activities, @Value("${gongjian.zone}") String zone) {
        this.activities = activities;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        long id = activities.findByBusinessKey(businessKey).map(Activities.Activity::id).orElseGet(() -> {
            LocalDate date = LocalDate.parse(required(execution, DATE));
            BigDecimal hours = new BigDecimal(required(execution, HOURS));
            Instant starts = date.atTime(DEFAULT_START).atZone(zone).toInstant();
            return activities.plan(new Activities.Plan(businessKey, execution.getProcessInstanceId(),
                    required(execution, AGREEMENT_NUMBER), required(execution, QUARTER), required(execution, COMMUNITY_ID),
                    required(execution, COMMUNITY_NAME), required(execution, UNIT_ID), required(execution, UNIT_NAME),
                    required(execution, TITLE), kind(execution), required(execution, PLACE), starts,
                    starts.plus(duration(hours)), starts.minus(Duration.ofHours(DEFAULT_SIGNUP_CLOSES_HOURS)),
                    Integer.parseInt(required(execution, PLACES)), Integer.parseInt(required(execution, VOLUNTEERS)),
                    hours, ActivitySignups.token()));
        });
        execution.setVariable(ACTIVITY_ID, id);
        execution.setVariable(PUBLISH_BY, Date.from(LocalDate.parse(required(execution, DATE)).plusDays(1).atStartOfDay(zone).toInstant()));
        execution.setVariable(START_TIME, DEFAULT_START.toString());
        execution.setVariable(SIGNUP_CLOSES_HOURS, DEFAULT_SIGNUP_CLOSES_HOURS);
    }

    /** How long the activity lasts: its expected hours, at least one. */
    static Duration duration(BigDecimal hours) {
        long minutes = hours.multiply(BigDecimal.valueOf(60)).longValue();
        return Duration.ofMinutes(Math.max(60, minutes));
    }

    private static String kind(DelegateExecution execution) {
        Object kind = execution.getVariable(KIND);
        return kind == null || kind.toString().isBlank() ? "志愿服务" : kind.toString();
    }

    private static String required(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("an activity needs the variable '" + name + "' when it is started");
        }
        String text = value.toString();
        // whole numbers may arrive as 30, 30L or 30.0 depending on who started the process
        return text.endsWith(".0") && (PLACES.equals(name) || VOLUNTEERS.equals(name)) ? text.substring(0, text.length() - 2) : text;
    }
}
