package org.gongjian.review;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * What the agreement feature may ask of the review when an agreement ends: its reviews' processes run under the
 * agreement's number and are deleted with it when it is terminated (an expired agreement's reviews go on); their rows, and the rectifications they opened, are marked ENDED with
 * the agreement's reason here, in the ending's transaction, so that the pages say why they stopped.
 */
@Component
public class ReviewsOfEndedAgreement {

    private final Reviews reviews;
    private final Clock clock;

    ReviewsOfEndedAgreement(Reviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    /** The business-key prefix of the agreement's reviews. */
    public static String prefix(String agreementNumber) {
        return agreementNumber + "/review/";
    }

    public void ended(String agreementNumber, String reason) {
        reviews.endUnder(agreementNumber, reason, clock.instant());
    }
}
