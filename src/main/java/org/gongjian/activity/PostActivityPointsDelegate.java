package org.gongjian.activity;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.activity.Activities.Activity;
import org.springframework.stereotype.Component;


/**
 * The evidence was accepted: the activity is kept, and the unit earns its points — for the
 * activity and for each person who checked in (whose own points were posted at check-in).
 */
@Component("postActivityPointsDelegate")
class PostActivityPointsDelegate implements JavaDelegate {

    private final Activities activities;
    private final PointsLedger ledger;
    private final ActivitySettings settings;
    private final Clock clock;

    PostActivityPointsDelegate(Activities activities, PointsLedger ledger, ActivitySettings settings, Clock clock) {
        this.activities = activities;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Activity activity = activities.find(activities.idOf(execution.getProcessBusinessKey())).orElseThrow();
        long present = activities.signups(activity.id()).stream().filter(s -> s.checkedInAt() != null).count();
        int points = settings.keptActivityPoints() + (int) present * settings.pointsPerParticipant();
        Instant now = clock.instant();
        ledger.post(new PointsLedger.Posting("activity:" + activity.id() + ":kept", PointsLedger.UNIT, activity.unitId(),
                activity.unitName(), activity.communityId(), activity.id(), points,
                "履约活动：" + activity.title() + "（签到 " + present + " 人）"), "verification", now);
        activities.end(activity.id(), Activities.KEPT, null, now);
    }
}
