package org.gongjian.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/**
 * The calendar of an agreement in force, for its timers: quarter starts within the term, the
 * renewal reminder 60 days before the end, and the end itself. Days begin at midnight in the
 * sub-district's time zone.
 */
@Component("agreementTerm")
public class AgreementTerm {

    public static final int RENEWAL_REMINDER_DAYS = 60;

    private final ZoneId zone;
    private final Clock clock;

    AgreementTerm(@Value("${gongjian.zone:Asia/Shanghai}") String zone, Clock clock) {
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The first quarter start within the term after the last quarter already started for it. When no quarter starts
     * within the term any more (the term ends on a quarter's last day, or within it), the timer waits a day past the
     * term's end, which the term's end timer interrupts first: a quarter start and the term's end never fall due
     * at the same instant.
     */
    public Date nextQuarterStart(VariableScope agreement) {
        LocalDate end = LocalDate.parse((String) agreement.getVariable(TERM_END));
        LocalDate next = quarterStartAfterLast(agreement);
        return next.isAfter(end) ? at(end.plusDays(2)) : at(next);
    }

    private static LocalDate quarterStartAfterLast(VariableScope agreement) {
        LocalDate start = LocalDate.parse((String) agreement.getVariable(TERM_START));
        String last = (String) agreement.getVariable(LAST_QUARTER_STARTED);
        LocalDate next = quarterStartOnOrAfter(start);
        if (last != null) {
            LocalDate afterLast = quarterStart(last).plusMonths(3);
            if (afterLast.isAfter(next)) {
                next = afterLast;
            }
        }
        return next;
    }

    public Date renewalReminderAt(VariableScope agreement) {
        return at(LocalDate.parse((String) agreement.getVariable(TERM_END)).minusDays(RENEWAL_REMINDER_DAYS));
    }

    /** The end of the term's last day. */
    public Date endsAt(VariableScope agreement) {
        return at(LocalDate.parse((String) agreement.getVariable(TERM_END)).plusDays(1));
    }

    /** The quarter the engine's clock is in now, e.g. 2027-Q1. */
    public String currentQuarter() {
        return quarterOf(LocalDate.ofInstant(clock.instant(), zone));
    }

    public static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    public static LocalDate quarterStart(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = Integer.parseInt(quarter.substring(6));
        return LocalDate.of(year, (q - 1) * 3 + 1, 1);
    }

    static LocalDate quarterStartOnOrAfter(LocalDate day) {
        LocalDate start = quarterStart(quarterOf(day));
        return start.equals(day) ? start : start.plusMonths(3);
    }

    private Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }
}
