package org.gongjian.agreement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.MailTemplates;
import org.gongjian.escalation.OutgoingMail;
import org.gongjian.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** Tells the parties of an agreement (and, where asked, the street committee) what happened to it. */
@Component
class AgreementNotices {

    private final EscalationRecipients recipients;
    private final MailTemplates templates;
    private final OutgoingMail mail;
    private final String baseUrl;

    AgreementNotices(EscalationRecipients recipients, MailTemplates templates, OutgoingMail mail,
                     @Value("${gongjian.base-url}") String baseUrl) {
        this.recipients = recipients;
        this.templates = templates;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    void send(DelegateExecution agreement, boolean streetCommittee, String title, List<String> lines) {
        Set<String> to = new LinkedHashSet<>();
        String unit = (String) agreement.getVariable(UNIT_ID);
        String community = (String) agreement.getVariable(COMMUNITY_ID);
        for (String group : List.of(Groups.unitLeader(unit), Groups.unitLiaison(unit), Groups.communitySecretary(community),
                Groups.communityStaff(community))) {
            to.addAll(recipients.members(group).values());
        }
        if (streetCommittee) {
            to.addAll(recipients.members(Groups.STREET_COMMITTEE).values());
        }
        String number = (String) agreement.getVariable(AGREEMENT_NUMBER);
        MailTemplates.Rendered body = templates.render("notice", Map.of("title", title, "lines", lines,
                "link", baseUrl + "/agreements/" + number));
        mail.send(new ArrayList<>(to), title, body.text(), body.html());
    }
}
