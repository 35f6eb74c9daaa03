package org.gongjian.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.Activities.Signup;
import org.gongjian.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * An activity that will not be kept — cancelled, or missed because no evidence came: its points
 * are reversed, its places given back, the people signed up told, and it counts as a broken
 * commitment of the unit (status CANCELLED or MISSED, which the board and the quarterly report show).
 */
@Component
class BrokenCommitment {

    private final Activities activities;
    private final PointsLedger ledger;
    private final ParticipantMail mail;
    private final Clock clock;

    BrokenCommitment(Activities activities, PointsLedger ledger, ParticipantMail mail, Clock clock) {
        this.activities = activities;
        this.ledger = ledger;
        this.mail = mail;
        this.clock = clock;
    }

    /** Ends the activity as CANCELLED or MISSED; safe to run again after a failure. Returns who was told, by name. */
    String record(long activityId, String status, String reason, String by) {
        Activity activity = activities.find(activityId).orElseThrow(() -> new ActivityNotFoundException(activityId));
        boolean missed = Activities.MISSED.equals(status);
        String word = missed ? "未履约" : "已取消";
        // mail first, each recorded as it goes: if the mail server fails, the job is retried and nothing else changed
        for (Signup signup : activities.signups(activityId)) {
            if (Activities.SIGNED_UP.equals(signup.status())) {
                mail.toPerson(signup, missed ? ParticipantMail.MISSED : ParticipantMail.CANCELLED,
                        "【活动" + word + "】" + activity.title(),
                        List.of(signup.name() + "，您好：",
                                "您报名的活动“" + activity.title() + "”（" + activity.unitName() + "，" + mail.when(activity) + "）" + word + "。",
                                "原因 Reason：" + reason,
                                missed ? "本活动的积分已冲正。Points for this activity have been reversed."
                                        : "您的名额已释放，无需任何操作。Your place has been released."),
                        mail.boardLink(activity));
            }
        }
        String told = mail.toGroups(activityId, missed ? ParticipantMail.BROKEN_MISSED : ParticipantMail.BROKEN_CANCELLED, missed
                        ? List.of(Groups.STREET_COMMITTEE, Groups.unitLeader(activity.unitId()), Groups.communityStaff(activity.communityId()))
                        : List.of(Groups.unitLeader(activity.unitId()), Groups.communityStaff(activity.communityId())),
                "【承诺未履行】" + activity.unitName() + " · " + activity.title() + " · 活动" + word,
                List.of("单位 Unit：" + activity.unitName(),
                        "社区 Community：" + activity.communityName(),
                        "活动 Activity：" + activity.title() + "（" + mail.when(activity) + "，" + activity.place() + "）",
                        "协议 Agreement：" + activity.agreementNumber() + " · " + activity.quarter(),
                        "结果 Outcome：活动" + word + "，计为一次未履行的承诺 (counts as a broken commitment)",
                        "原因 Reason：" + reason),
                mail.activityLink(activity));
        Instant now = clock.instant();
        ledger.reverseActivity(activityId, "冲正：活动" + word + "（" + activity.title() + "）", by, now);
        activities.releaseAll(activityId);
        activities.end(activityId, status, reason, now);
        return told;
    }
}
