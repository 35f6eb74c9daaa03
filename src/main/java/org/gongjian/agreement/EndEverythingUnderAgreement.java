package org.gongjian.agreement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.activity.ActivityCancellation;
import org.gongjian.commitment.QuarterCutShort;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.MailTemplates;
import org.gongjian.escalation.OutgoingMail;
import org.gongjian.meeting.ResolutionsOfEndedAgreement;
import org.gongjian.review.ReviewsOfEndedAgreement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an agreement ends (terminated or expired), everything still running under it ends too:
 * every process instance whose business key starts with {@code <agreement number>/} — quarterly
 * commitments ({@code <n>/<quarter>}), their activities ({@code <n>/<quarter>/<i>}) and fund
 * transfers ({@code <n>/<quarter>/funds}), and any later process keyed the same way, with no change
 * here. Each is deleted with the reason, which history keeps as the instance's delete reason;
 * an activity not yet kept is cancelled through activity/'s {@link ActivityCancellation} (places
 * released, those signed up told, points reversed, counted as a broken commitment); those who held
 * the open tasks are told by mail, each address once per agreement (recorded in agreement_end_mail); the
 * running quarter is reported through commitment/'s {@link QuarterCutShort}, once per agreement and quarter.
 * The joint meeting's resolutions the unit owns in the community run under the community's meeting, not under the
 * number: meeting/'s {@link ResolutionsOfEndedAgreement} names them and they end in the same way, their holders told
 * in the same one mail, unless the unit still holds another agreement with the community (a renewal filed to succeed
 * this one), under which it keeps answering for them. The unit's reviews run under the number
 * ({@code <n>/review/<period>}): a termination deletes them with the rest, review/'s {@link ReviewsOfEndedAgreement}
 * marking their rows and open rectifications ENDED with the reason, a result already final staying the result; an
 * agreement that expires at the end of its term leaves them running, since they account for the term that is over
 * (the agreement then starts the review of its last quarter itself).
 *
 * <p>Deletion rather than a message each BPMN handles: one mechanism for every process, present and
 * future, that needs nothing from their models and cannot be missed by one of them. Safe to run
 * again: what was ended is no longer found, an activity row already ended is left as it is.
 */
@Component
class EndEverythingUnderAgreement {

    private final ActivityCancellation activities;
    private final ResolutionsOfEndedAgreement resolutions;
    private final ReviewsOfEndedAgreement reviews;
    private final Agreements agreements;
    private final QuarterCutShort quarters;
    private final EscalationRecipients recipients;
    private final MailTemplates templates;
    private final OutgoingMail mail;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final String baseUrl;

    EndEverythingUnderAgreement(ActivityCancellation activities, ResolutionsOfEndedAgreement resolutions,
                                ReviewsOfEndedAgreement reviews, Agreements agreements, QuarterCutShort quarters, EscalationRecipients recipients,
                                MailTemplates templates, OutgoingMail mail, Clock clock, PlatformTransactionManager transactions,
                                @Value("${gongjian.base-url}") String baseUrl) {
        this.activities = activities;
        this.resolutions = resolutions;
        this.reviews = reviews;
        this.agreements = agreements;
        this.quarters = quarters;
        this.recipients = recipients;
        this.templates = templates;
        this.mail = mail;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.baseUrl = baseUrl;
    }

    /** The business-key prefix under which every process of this agreement runs. */
    static String prefix(String agreementNumber) {
        return agreementNumber + "/";
    }

    /** Ends every instance still running under the agreement, its reviews too; returns how many were ended. */
    int end(ProcessEngineServices engine, String agreementNumber, String reason) {
        return end(engine, agreementNumber, reason, false);
    }

    /**
     * Ends every instance still running under the agreement, leaving its reviews running when {@code reviewsGoOn}
     * (the term is over, not cut short); returns how many were ended.
     */
    int end(ProcessEngineServices engine, String agreementNumber, String reason, boolean reviewsGoOn) {
        RuntimeService runtime = engine.getRuntimeService();
        List<ProcessInstance> running = new ArrayList<>(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(prefix(agreementNumber) + "%").list());
        if (reviewsGoOn) {
            running.removeIf(pi -> pi.getBusinessKey().startsWith(ReviewsOfEndedAgreement.prefix(agreementNumber)));
        }
        List<ProcessInstance> unitsResolutions = unitsResolutions(engine, agreementNumber);
        running.addAll(unitsResolutions);
        if (running.isEmpty()) {
            return 0;
        }
        // the deepest first (activities and transfers before their quarter), so nothing is left without its parent
        running.sort(Comparator.comparingInt((ProcessInstance p) -> p.getBusinessKey().split("/").length).reversed());
        Set<String> holders = holders(engine, running);
        // the rows first, then the mail, then the deletions: a failure rolls back the rows and the job runs again
        for (ProcessInstance pi : running) {
            // a cancellation like any other: places released, those signed up told, points reversed
            activities.cancelUnder(pi.getBusinessKey(), reason);
        }
        resolutions.ended(unitsResolutions);
        if (!reviewsGoOn) {
            reviews.ended(agreementNumber, reason);
        }
        for (ProcessInstance pi : running) {
            // the quarter the ending cuts off is reported as a quarter's end reports it, its cancellations counted
            quarters.report(engine, pi);
        }
        // each address is told once, whatever retries of the ending do
        holders.removeIf(address -> agreements.endMailed(agreementNumber, address));
        if (!holders.isEmpty()) {
            String title = "【协议结束】共建协议 " + agreementNumber + " 下的待办已撤销";
            MailTemplates.Rendered body = templates.render("notice", Map.of("title", title, "lines", List.of(
                            "共建协议 " + agreementNumber + " 已结束，您经手的待办事项随之撤销，无需再处理。",
                            "原因 Reason：" + reason,
                            "The agreement " + agreementNumber + " has ended; the tasks you held under it were withdrawn."),
                    "link", baseUrl + "/agreements/" + agreementNumber));
            mail.send(new ArrayList<>(holders), title, body.text(), body.html());
            for (String address : holders) {
                try {
                    ownTransaction.executeWithoutResult(status -> agreements.recordEndMail(agreementNumber, address, clock.instant()));
                } catch (DuplicateKeyException sentAtTheSameTime) {
                    // another run of the same ending got there first: the mail is out, which is what counts
                }
            }
        }
        for (ProcessInstance pi : running) {
            if (runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
                runtime.deleteProcessInstance(pi.getId(), reason, true, true);
            }
        }
        return running.size();
    }

    /**
     * The joint-meeting resolutions the agreement's unit still owns in its community, unless the unit holds another
     * agreement with the community (asked of the pair, not of this agreement, so the order of the ending's steps does
     * not matter).
     */
    private List<ProcessInstance> unitsResolutions(ProcessEngineServices engine, String agreementNumber) {
        return agreements.find(agreementNumber)
                .filter(a -> agreements.holderOf(a.communityId(), a.unitId()).filter(n -> !n.equals(agreementNumber)).isEmpty())
                .map(a -> resolutions.runningOwnedBy(engine, a.communityId(), a.unitId()))
                .orElse(List.of());
    }

    /** Mail addresses of the assignees and candidates of every open task of these instances. */
    private Set<String> holders(ProcessEngineServices engine, List<ProcessInstance> running) {
        TaskService tasks = engine.getTaskService();
        IdentityService identity = engine.getIdentityService();
        Set<String> to = new LinkedHashSet<>();
        for (ProcessInstance pi : running) {
            for (Task task : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
                if (task.getAssignee() != null) {
                    email(identity, task.getAssignee(), to);
                }
                for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                        continue;
                    }
                    if (link.getGroupId() != null) {
                        to.addAll(recipients.members(link.getGroupId()).values());
                    } else if (link.getUserId() != null) {
                        email(identity, link.getUserId(), to);
                    }
                }
            }
        }
        return to;
    }

    private static void email(IdentityService identity, String userId, Set<String> to) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            to.add(user.getEmail());
        }
    }
}
