package org.gongjian.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.MailTemplates;
import org.gongjian.escalation.OutgoingMail;
import org.gongjian.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;

/**
 * Mails the result to the unit's leaders and its supervising body, with the feedback letter's link; the letter itself
 * is the PDF on the review's page, rendered first so that a missing font fails this job (and it is tried again)
 * instead of sending a letter nobody can read. Sent once: a retry after the mail went out finds it recorded.
 */
@Component("sendFeedbackLetterDelegate")
class SendFeedbackLetterDelegate implements JavaDelegate {

    private final Reviews reviews;
    private final ReviewLetter letter;
    private final EscalationRecipients recipients;
    private final MailTemplates templates;
    private final OutgoingMail mail;
    private final Clock clock;
    private final String baseUrl;

    SendFeedbackLetterDelegate(Reviews reviews, ReviewLetter letter, EscalationRecipients recipients,
                               MailTemplates templates, OutgoingMail mail, Clock clock,
                               @Value("${gongjian.base-url}") String baseUrl) {
        this.reviews = reviews;
        this.letter = letter;
        this.recipients = recipients;
        this.templates = templates;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Reviews.Review r = reviews.get(((Number) execution.getVariable(REVIEW_ID)).longValue());
        if (r.letterSentAt() != null) {
            return;
        }
        letter.render(r);
        List<String> to = new ArrayList<>(recipients.members(Groups.unitLeader(r.unitId())).values());
        Object supervisor = execution.getVariable("supervisorId");
        if (supervisor != null) {
            to.addAll(recipients.members(Groups.supervisor((String) supervisor)).values());
        }
        String title = "【考核反馈函】" + r.unitName() + " " + r.period() + "：" + ReviewTexts.points(r.finalScore()) + " 分，"
                + r.finalGrade();
        MailTemplates.Rendered body = templates.render("notice", Map.of("title", title, "lines", List.of(
                        r.unitName() + "与" + r.communityName() + "共建 " + r.period() + " 的考核结果已生效："
                                + ReviewTexts.points(r.finalScore()) + " 分，" + r.finalGrade() + "。",
                        "反馈函（PDF）见考核页面；单位书记须本人在任务列表中签收。",
                        "The review's result is final; the feedback letter is on the review's page, and the unit's leader must acknowledge it in Tasklist."),
                "link", baseUrl + "/reviews/" + r.id() + "/letter.pdf"));
        mail.send(to, title, body.text(), body.html());
        reviews.letterSent(r.id(), clock.instant());
    }
}
