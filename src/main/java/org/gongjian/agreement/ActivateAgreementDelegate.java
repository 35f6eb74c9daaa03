package org.gongjian.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** The filed agreement comes into force: it gets its number and is stored with everything agreed. */
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
        agreements.activate(new Agreements.Agreement(number, execution.getProcessInstanceId(),
                (String) execution.getVariable(COMMUNITY_ID), (String) execution.getVariable(COMMUNITY_NAME),
                (String) execution.getVariable(UNIT_ID), (String) execution.getVariable(UNIT_NAME),
                LocalDate.parse((String) execution.getVariable(TERM_START)),
                LocalDate.parse((String) execution.getVariable(TERM_END)),
                FormFields.array(execution.getVariable(NEEDS)).toString(), resources.json(execution),
                "ACTIVE", now, null, null, null));
        execution.setVariable(AGREEMENT_NUMBER, number);
        execution.setProcessBusinessKey(number);
    }
}
