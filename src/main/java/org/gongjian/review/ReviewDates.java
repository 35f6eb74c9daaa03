package org.gongjian.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.gongjian.escalation.ServiceLevels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dates of the rectification's verification, counted from the day the unit said it would be done by rather than
 * from the moment the task appeared: the secretary verifies after that day, and is reminded and escalated after it.
 */
@Component("reviewDates")
public class ReviewDates {

    private final JdbcTemplate jdbc;
    private final ServiceLevels serviceLevels;
    private final Clock clock;

    ReviewDates(JdbcTemplate jdbc, ServiceLevels serviceLevels, Clock clock) {
        this.jdbc = jdbc;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
    }

    public Date verifyRectificationDue(long reviewId) {
        return afterRectificationDue(reviewId, "due");
    }

    /** A rung of the verification's ladder: so many days after the end of the rectification's last day. */
    public Date afterRectificationDue(long reviewId, String step) {
        LocalDate dueOn = jdbc.queryForObject("SELECT due_on FROM rectification WHERE review_id = ?", LocalDate.class,
                reviewId);
        int days = serviceLevels.level(ReviewProcess.VERIFY_RECTIFICATION, step).days();
        return Date.from(dueOn.plusDays(1 + days).atStartOfDay(clock.getZone()).toInstant());
    }
}
