package org.gongjian.activity;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.Activities.Signup;
import org.springframework.stereotype.Component;


/** Asks each person who took part, and left an address, to rate the activity; once each. */
@Component("inviteRatingsDelegate")
class InviteRatingsDelegate implements JavaDelegate {

    private final Activities activities;
    private final ParticipantMail mail;

    InviteRatingsDelegate(Activities activities, ParticipantMail mail) {
        this.activities = activities;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Activity activity = activities.find(activities.idOf(execution.getProcessBusinessKey())).orElseThrow();
        for (Signup signup : activities.signups(activity.id())) {
            if (signup.checkedInAt() != null && activities.rating(signup.id()).isEmpty()) {
                mail.toPerson(signup, ParticipantMail.RATING, "【请您评价】" + activity.title(),
                        List.of(signup.name() + "，您好：",
                                "感谢您参加“" + activity.title() + "”（" + activity.unitName() + "，" + mail.when(activity) + "）。",
                                "请为本次活动打分（1–5 星）并留下意见，帮助社区和共建单位做得更好。Please rate the activity."),
                        mail.ratingLink(signup));
            }
        }
    }
}
