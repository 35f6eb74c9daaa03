package org.gongjian.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/**
 * The filed agreement comes into force: it gets its number and is stored with everything agreed — unless another
 * agreement of the same community and unit is in force over its term, when the filing is refused (400 on
 * {@code filingDecision}) and nothing changes. This step runs in the filing's own transaction, so the person filing
 * gets the answer, rather than an incident nobody is waiting for.
 */
@Component("activateAgreementDelegate")
class ActivateAgreementDelegate implements JavaDelegate {

    private final Agreements agreements;
    private final AgreementResources resources;
    private final AgreementTerm term;
    private final Clock clock;

    ActivateAgreementDelegate(Agreements agreements, AgreementResources resources, AgreementTerm term, Clock clock) {
        this.agreements = agreements;
        this.resources = resources;
        this.term = term;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        String number = agreements.nextNumber(LocalDate.ofInstant(now, term.zone()).getYear());
        Agreements.Agreement agreement = new Agreements.Agreement(number, execution.getProcessInstanceId(),
                (String) execution.getVariable(COMMUNITY_ID), (String) execution.getVariable(COMMUNITY_NAME),
                (String) execution.getVariable(UNIT_ID), (String) execution.getVariable(UNIT_NAME),
                LocalDate.parse((String) execution.getVariable(TERM_START)),
                LocalDate.parse((String) execution.getVariable(TERM_END)),
                FormFields.array(execution.getVariable(NEEDS)).toString(), resources.json(execution),
                "ACTIVE", now, null, null, null);
        try {
            agreements.activate(agreement);
        } catch (Agreements.PairTaken taken) {
            // activation runs in the filing's transaction: the street committee's submission is refused, nothing changes
            throw FormFields.invalid(FILING_DECISION, taken.current() == null
                    ? "该单位与本社区的另一份协议刚刚生效，本协议不能同时生效；请退回重新起草为续签协议"
                            + " (another agreement of this unit came into force a moment ago; return this one to be drafted as its renewal)"
                    : DraftAgreementListener.inForce(taken.current()));
        }
        execution.setVariable(AGREEMENT_NUMBER, number);
        execution.setProcessBusinessKey(number);
    }
}
