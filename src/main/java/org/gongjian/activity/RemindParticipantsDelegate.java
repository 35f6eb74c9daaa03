package org.gongjian.activity;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.Activities.Signup;
import org.springframework.stereotype.Component;


/** Before the activity, reminds each person signed up who left an email address; once each. */
@Component("remindParticipantsDelegate")
class RemindParticipantsDelegate implements JavaDelegate {

    private final Activities activities;
    private final ParticipantMail mail;

    RemindParticipantsDelegate(Activities activities, ParticipantMail mail) {
        this.activities = activities;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Activity activity = activities.find(activities.idOf(execution.getProcessBusinessKey())).orElseThrow();
        if (!activity.open()) {
            return;
        }
        for (Signup signup : activities.signups(activity.id())) {
            if (Activities.SIGNED_UP.equals(signup.status())) {
                mail.toPerson(signup, ParticipantMail.REMINDER, "【活动提醒】" + activity.title() + " · " + mail.when(activity),
                        List.of(signup.name() + "，您好：",
                                "您报名的活动“" + activity.title() + "”（" + activity.unitName() + "）即将举行。",
                                "时间 When：" + mail.when(activity),
                                "地点 Where：" + activity.place(),
                                "请到场后扫描现场二维码签到（仅限活动当天）。Check in at the venue by scanning its QR code."),
                        mail.personalLink(signup));
            }
        }
    }
}
