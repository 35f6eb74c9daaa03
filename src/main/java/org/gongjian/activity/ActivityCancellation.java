package org.gongjian.activity;

import org.springframework.stereotype.Component;

/**
 * What another feature may do to an activity from outside: cancel the one running under a business key because what
 * it was committed under has ended (an agreement terminated or expired). It is handled as any cancellation — places
 * released, those signed up told, check-in points reversed, the unit's broken commitment counted and reported.
 */
@Component
public class ActivityCancellation {

    private final Activities activities;
    private final BrokenCommitment broken;

    ActivityCancellation(Activities activities, BrokenCommitment broken) {
        this.activities = activities;
        this.broken = broken;
    }

    /**
     * Cancels the activity recorded under the business key, unless there is none or it has already ended; safe to run
     * again (every mail it sends is recorded). Returns whether an activity was cancelled now.
     */
    public boolean cancelUnder(String businessKey, String reason) {
        return activities.findByBusinessKey(businessKey)
                .filter(activity -> !activity.ended())
                .map(activity -> {
                    broken.record(activity.id(), Activities.CANCELLED, reason, "process");
                    return true;
                })
                .orElse(false);
    }
}
