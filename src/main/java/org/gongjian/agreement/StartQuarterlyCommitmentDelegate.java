package org.gongjian.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/**
 * At a quarter start, starts the agreement's {@code quarterly-commitment} for that quarter —
 * never twice for the same agreement and quarter, whatever retries or repeated timers do. Each
 * agreement has its own timer and job, so a quarter start for 100,000 agreements is 100,000
 * small transactions spread over the job executors of every node, not one giant one.
 */
@Component("startQuarterlyCommitmentDelegate")
class StartQuarterlyCommitmentDelegate implements JavaDelegate {

    private final Agreements agreements;
    private final AgreementTerm term;
    private final Clock clock;

    StartQuarterlyCommitmentDelegate(Agreements agreements, AgreementTerm term, Clock clock) {
        this.agreements = agreements;
        this.term = term;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(AGREEMENT_NUMBER);
        String quarter = term.currentQuarter();
        // the term as recorded at activation, not as a variable: no quarter starts on or after its end
        LocalDate termEnd = agreements.find(number).map(Agreements.Agreement::termEnd)
                .orElseGet(() -> LocalDate.parse((String) execution.getVariable(TERM_END)));
        if (AgreementTerm.quarterStart(quarter).isAfter(termEnd)) {
            return;
        }
        if (!agreements.quarterStarted(number, quarter)) {
            LocalDate start = AgreementTerm.quarterStart(quarter);
            LocalDate fullEnd = start.plusMonths(3).minusDays(1);
            Map<String, Object> variables = new HashMap<>();
            for (String name : new String[] {AGREEMENT_NUMBER, COMMUNITY_ID, COMMUNITY_NAME, UNIT_ID, UNIT_NAME,
                    SUPERVISOR_ID, NEEDS}) {
                variables.put(name, execution.getVariable(name));
            }
            variables.put("quarter", quarter);
            variables.put("quarterStart", start.toString());
            // a quarter the term cuts short ends on the term's last day
            variables.put("quarterEnd", (fullEnd.isAfter(termEnd) ? termEnd : fullEnd).toString());
            // the row's primary key (agreement, quarter) stops a second start that races this one
            ProcessInstance cycle = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey(QUARTERLY_COMMITMENT, number + "/" + quarter, variables);
            agreements.recordQuarter(number, quarter, cycle.getId(), clock.instant());
        }
        execution.setVariable(LAST_QUARTER_STARTED, quarter);
    }
}
