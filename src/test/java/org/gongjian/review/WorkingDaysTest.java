package org.gongjian.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Five working days of notice in Shanghai: weekends and holidays skipped, make-up Saturdays and Sundays counted. */
class WorkingDaysTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 2027's Labour Day as shipped: 3–5 May off, Saturday 8 May worked. */
    final WorkingDays days = new WorkingDays(new PublicNoticeSettings(
            List.of(LocalDate.parse("2027-05-03"), LocalDate.parse("2027-05-04"), LocalDate.parse("2027-05-05")),
            List.of(LocalDate.parse("2027-05-08")), 5, 5, 30), SHANGHAI);

    @Test
    void aNoticeOpenedOnAThursdayRunsAcrossTheWeekendToTheNextThursday() {
        // Thursday 15 April 2027, 16:30: Fri 16, Mon 19, Tue 20, Wed 21, Thu 22
        Instant until = days.noticeUntil(at("2027-04-15T16:30"));
        assertThat(until).isEqualTo(at("2027-04-23T00:00"));
        assertThat(days.lastDay(until)).isEqualTo(LocalDate.parse("2027-04-22"));
    }

    @Test
    void theDayItOpensDoesNotCountEvenEarlyInTheMorning() {
        // Monday 12 April, 00:05: Tue 13 to Mon 19
        assertThat(days.noticeUntil(at("2027-04-12T00:05"))).isEqualTo(at("2027-04-20T00:00"));
    }

    @Test
    void aNoticeAcrossAHolidaySkipsIt() {
        // Wednesday 28 April: Thu 29, Fri 30, (1–5 May off: weekend and Labour Day), Thu 6, Fri 7, Sat 8 (make-up)
        Instant until = days.noticeUntil(at("2027-04-28T10:00"));
        assertThat(until).isEqualTo(at("2027-05-09T00:00"));
        assertThat(days.isWorkingDay(LocalDate.parse("2027-05-04"))).isFalse();
    }

    @Test
    void aMakeUpWorkingDayCountsAndTheSundayAfterItDoesNot() {
        // Thursday 6 May: Fri 7, Sat 8 (make-up), Mon 10, Tue 11, Wed 12
        assertThat(days.noticeUntil(at("2027-05-06T09:00"))).isEqualTo(at("2027-05-13T00:00"));
        assertThat(days.isWorkingDay(LocalDate.parse("2027-05-08"))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.parse("2027-05-09"))).isFalse();
    }

    @Test
    void aNoticeOpenedOnASaturdayStartsCountingOnMonday() {
        assertThat(days.workingDaysAfter(LocalDate.parse("2027-04-17"), 5)).isEqualTo(LocalDate.parse("2027-04-23"));
    }

    @Test
    void aCalendarThatContradictsItselfIsRefusedWithASentence() {
        LocalDate may1 = LocalDate.parse("2027-05-01");
        assertThatThrownBy(() -> new PublicNoticeSettings(List.of(may1), List.of(may1), 5, 5, 30))
                .hasMessageContaining("2027-05-01 is listed both as a public holiday (holidays) and as a make-up working day");
        assertThatThrownBy(() -> new PublicNoticeSettings(List.of(), List.of(LocalDate.parse("2027-05-06")), 5, 5, 30))
                .hasMessageContaining("make-up working day 2027-05-06 is a thursday");
        assertThatThrownBy(() -> new PublicNoticeSettings(List.of(), List.of(), 0, 5, 30))
                .hasMessageContaining("notice-days is 0");
    }

    @Test
    void aContradictingCalendarStopsTheStartWithASentence() {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("gongjian.review.holidays=2027-10-01,2027-10-09",
                        "gongjian.review.make-up-workdays=2027-10-09")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("2027-10-09 is listed both as a public holiday"));
    }

    @EnableConfigurationProperties(PublicNoticeSettings.class)
    static class Settings {
    }

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
    }
}
