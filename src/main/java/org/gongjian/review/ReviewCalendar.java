package org.gongjian.review;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** The review's dates the process model reads from the record: when its public notice closes. */
@Component("reviewCalendar")
public class ReviewCalendar {

    /** ISO 8601 with the zone's offset, as a BPMN timeDate takes it: 2027-04-16T00:00:00+08:00. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Reviews reviews;
    private final WorkingDays workingDays;

    ReviewCalendar(Reviews reviews, WorkingDays workingDays) {
        this.reviews = reviews;
        this.workingDays = workingDays;
    }

    /**
     * The end of the notice window as stored in {@code review.notice_until} when the notice opened: the end of the
     * configured working days after that day. The timer {@code ${reviewCalendar.noticeEnds(reviewId)}} reads it.
     */
    public String noticeEnds(long reviewId) {
        Instant until = reviews.get(reviewId).noticeUntil();
        if (until == null) {
            throw new IllegalStateException("the public notice of review " + reviewId + " has not been opened");
        }
        return ISO.format(until.atZone(workingDays.zone()));
    }
}
