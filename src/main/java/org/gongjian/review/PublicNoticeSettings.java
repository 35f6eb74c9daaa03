package org.gongjian.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public notice of a review's result and the objections to it, as a sub-district sets them.
 *
 * @param holidays                    public holidays of the State Council's calendar: no working day, even on a weekday
 * @param makeUpWorkdays              make-up working days (调休): a Saturday or Sunday that is a working day
 * @param noticeDays                  how many working days the notice stays open after the day it opened
 * @param objectionsPerPhonePerDay    objections one phone number may file in 24 hours, across reviews
 * @param objectionsPerAddressPerHour objections one network address may file in an hour
 */
@ConfigurationProperties("gongjian.review")
public record PublicNoticeSettings(
        @DefaultValue List<LocalDate> holidays,
        @DefaultValue List<LocalDate> makeUpWorkdays,
        @DefaultValue("5") int noticeDays,
        @DefaultValue("5") int objectionsPerPhonePerDay,
        @DefaultValue("30") int objectionsPerAddressPerHour) {

    /** A calendar that contradicts itself stops the start, saying which day is wrong. */
    public PublicNoticeSettings {
        holidays = List.copyOf(holidays);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(makeUpWorkdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("gongjian.review: " + both.iterator().next()
                    + " is listed both as a public holiday (holidays) and as a make-up working day (make-up-workdays);"
                    + " a day is one or the other, so correct the calendar from the State Council's notice");
        }
        for (LocalDate day : makeUpWorkdays) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("gongjian.review: make-up working day " + day + " is a "
                        + day.getDayOfWeek().toString().toLowerCase() + ", a working day anyway; a make-up working day"
                        + " (调休) is a Saturday or Sunday worked in exchange for a holiday");
            }
        }
        if (noticeDays < 1) {
            throw new IllegalArgumentException("gongjian.review.notice-days is " + noticeDays
                    + "; the public notice lasts at least one working day");
        }
        if (objectionsPerPhonePerDay < 1 || objectionsPerAddressPerHour < 1) {
            throw new IllegalArgumentException("gongjian.review: objections-per-phone-per-day and"
                    + " objections-per-address-per-hour must be at least 1, or nobody could object");
        }
    }
}
