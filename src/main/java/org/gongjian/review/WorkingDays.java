package org.gongjian.review;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days in the sub-district's zone: Monday to Friday, less the public holidays of the configured calendar,
 * plus its make-up working days (调休, a Saturday or Sunday worked in exchange for a holiday).
 */
@Component
public class WorkingDays {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    private final int noticeDays;
    private final ZoneId zone;

    @Autowired
    WorkingDays(PublicNoticeSettings settings, @Value("${gongjian.zone}") String zone) {
        this(settings, ZoneId.of(zone));
    }

    WorkingDays(PublicNoticeSettings settings, ZoneId zone) {
        this.holidays = Set.copyOf(settings.holidays());
        this.makeUpWorkdays = Set.copyOf(settings.makeUpWorkdays());
        this.noticeDays = settings.noticeDays();
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The {@code n}th working day after {@code day}; the day itself does not count. */
    public LocalDate workingDaysAfter(LocalDate day, int n) {
        LocalDate d = day;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * When a notice opened at {@code opened} closes: at the end of the configured number of working days after the
     * day it opened (that day, already begun, does not count), i.e. at midnight starting the next day.
     */
    public Instant noticeUntil(Instant opened) {
        LocalDate last = workingDaysAfter(LocalDate.ofInstant(opened, zone), noticeDays);
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The last day of a notice that closes at {@code until} (its midnight belongs to the day before). */
    public LocalDate lastDay(Instant until) {
        return LocalDate.ofInstant(until.minusSeconds(1), zone);
    }
}
