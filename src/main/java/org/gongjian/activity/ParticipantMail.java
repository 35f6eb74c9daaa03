package org.gongjian.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.Activities.Signup;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.MailTemplates;
import org.gongjian.escalation.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail about an activity: to each person signed up who gave an address (one personal mail each,
 * never a list of other people's addresses), and to the groups that answer for it. Each mail is
 * recorded (per person, or per activity, kind and address) in its own transaction the moment it is
 * sent, so a job retried after a mail server failure sends only what had not gone out.
 */
@Component
class ParticipantMail {

    static final String REMINDER = "REMINDER";
    static final String RATING = "RATING";
    static final String CANCELLED = "CANCELLED";
    static final String MISSED = "MISSED";
    /** Group mails: the unit's broken commitment, told to those who answer for it. */
    static final String BROKEN_CANCELLED = "BROKEN-CANCELLED";
    static final String BROKEN_MISSED = "BROKEN-MISSED";
    /** Group mail: the community never verified the evidence. */
    static final String UNVERIFIED = "UNVERIFIED";

    private final Activities activities;
    private final MailTemplates templates;
    private final OutgoingMail mail;
    private final EscalationRecipients recipients;
    private final TransactionTemplate ownTransaction;
    private final String baseUrl;
    private final DateTimeFormatter time;
    private final Clock clock;

    ParticipantMail(Activities activities, MailTemplates templates, OutgoingMail mail, EscalationRecipients recipients,
                    PlatformTransactionManager transactions, @Value("${gongjian.base-url}") String baseUrl,
                    @Value("${gongjian.zone}") String zone, Clock clock) {
        this.activities = activities;
        this.templates = templates;
        this.mail = mail;
        this.recipients = recipients;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.baseUrl = baseUrl;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
        this.clock = clock;
    }

    /** Sends the kind of mail to the person unless it went out before; true if sent now. */
    boolean toPerson(Signup signup, String kind, String subject, List<String> lines, String link) {
        if (signup.email() == null || activities.mailed(signup.id(), kind)) {
            return false;
        }
        MailTemplates.Rendered body = templates.render("notice", Map.of("title", subject, "lines", lines, "link", link));
        mail.send(List.of(signup.email()), subject, body.text(), body.html());
        Instant now = clock.instant();
        try {
            ownTransaction.executeWithoutResult(status -> activities.recordMail(signup.id(), kind, now));
        } catch (DuplicateKeyException sentAtTheSameTime) {
            // another run of the same step got there first: the mail is out, which is what counts
        }
        return true;
    }

    /**
     * One mail about the activity to every member of the groups who has an address and was not sent this kind of
     * mail about it before; each address is recorded in its own transaction once the mail is out, so that a retried
     * job tells only those it had not told. Returns everyone the mail is for, by name, told now or before.
     */
    String toGroups(long activityId, String kind, List<String> groups, String subject, List<String> lines, String link) {
        Map<String, String> people = new LinkedHashMap<>();
        groups.forEach(group -> people.putAll(recipients.members(group)));
        if (people.isEmpty()) {
            throw new IllegalStateException("nobody to tell about '" + subject + "': no member of " + groups + " has an email address");
        }
        List<String> untold = new LinkedHashSet<>(people.values()).stream()
                .filter(address -> !activities.groupMailed(activityId, kind, address)).toList();
        if (!untold.isEmpty()) {
            MailTemplates.Rendered body = templates.render("notice", Map.of("title", subject, "lines", lines, "link", link));
            mail.send(new ArrayList<>(untold), subject, body.text(), body.html());
            Instant now = clock.instant();
            for (String address : untold) {
                try {
                    ownTransaction.executeWithoutResult(status -> activities.recordGroupMail(activityId, kind, address, now));
                } catch (DuplicateKeyException sentAtTheSameTime) {
                    // another run of the same step got there first: the mail is out, which is what counts
                }
            }
        }
        return String.join("、", people.keySet());
    }

    String when(Activity activity) {
        return time.format(activity.startsAt()) + " – " + time.format(activity.endsAt()).substring(11);
    }

    String format(Instant instant) {
        return time.format(instant);
    }

    String personalLink(Signup signup) {
        return baseUrl + "/a/" + signup.activityId() + "/me/" + signup.token();
    }

    String ratingLink(Signup signup) {
        return baseUrl + "/a/" + signup.activityId() + "/rate/" + signup.token();
    }

    String activityLink(Activity activity) {
        return baseUrl + "/activities/" + activity.id();
    }

    String boardLink(Activity activity) {
        return baseUrl + "/board/" + activity.communityId();
    }
}
