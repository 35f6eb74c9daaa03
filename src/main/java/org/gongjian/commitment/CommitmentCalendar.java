package org.gongjian.commitment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.QUARTER_END;

/** The calendar of a quarterly commitment, for its timers: days end at midnight in the sub-district's time zone. */
@Component("commitmentCalendar")
public class CommitmentCalendar {

    private final ZoneId zone;

    CommitmentCalendar(@Value("${gongjian.zone}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    /** The end of the quarter's last day: midnight after {@code quarterEnd}. */
    public Date quarterEndsAt(VariableScope cycle) {
        LocalDate last = LocalDate.parse((String) cycle.getVariable(QUARTER_END));
        return Date.from(last.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
