package org.gongjian.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.agreement.AgreementProcess;
import org.gongjian.agreement.AgreementTerm;
import org.gongjian.agreement.Agreements;
import org.springframework.stereotype.Component;

import static org.gongjian.review.ReviewProcess.*;

/**
 * At a quarter start, in the job of each agreement in force, starts the unit's review of the quarter that just ended
 * and, when a year ended with it, of that year — once per unit and period, however often the job is retried: the
 * first start takes the unit's lock and records the review, a second finds it. A period the agreement's term had not
 * yet begun in is not reviewed under it. The same step after the term's end ({@code reviewOf = term}) reviews the
 * term's last quarter and year, which no quarter start under this agreement will.
 *
 * <p>Each review runs under the agreement's number ({@code <number>/review/<period>}), so that it ends with the
 * agreement like everything else the agreement started.
 */
@Component("callPerformanceReviewDelegate")
class CallPerformanceReviewDelegate implements JavaDelegate {

    /** The step's input parameter that says which period ended: a quarter's (absent) or the term's. */
    static final String REVIEW_OF = "reviewOf";
    static final String OF_TERM = "term";

    private final Agreements agreements;
    private final Reviews reviews;
    private final Clock clock;

    CallPerformanceReviewDelegate(Agreements agreements, Reviews reviews, Clock clock) {
        this.agreements = agreements;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the quarter the agreement's own cycle started; none when its term ended before it
        String started = (String) execution.getVariable(AgreementProcess.LAST_QUARTER_STARTED);
        if (started == null) {
            return;
        }
        String number = (String) execution.getVariable(AgreementProcess.AGREEMENT_NUMBER);
        Agreements.Agreement agreement = agreements.find(number).orElseThrow(
                () -> new IllegalStateException("agreement " + number + " is in force but not recorded"));
        LocalDate quarterStart = AgreementTerm.quarterStart(started);
        if (OF_TERM.equals(execution.getVariable(REVIEW_OF))) {
            termEnded(execution, agreement, quarterStart);
            return;
        }
        if (!agreement.termStart().isBefore(quarterStart)) {
            return;
        }
        LocalDate endedQuarter = quarterStart.minusMonths(3);
        String supervisor = (String) execution.getVariable(AgreementProcess.SUPERVISOR_ID);
        start(execution, agreement, supervisor, AgreementTerm.quarterOf(endedQuarter), QUARTERLY, endedQuarter, quarterStart);
        if (quarterStart.getMonthValue() == 1) {
            LocalDate year = quarterStart.minusYears(1);
            start(execution, agreement, supervisor, String.valueOf(year.getYear()), ANNUAL, year, quarterStart);
        }
    }

    /**
     * The term is over: its last quarter is reviewed, up to the term's last day, and so is its last year, unless a
     * renewal of the same pair is in force to carry the year on to its own year's end.
     */
    private void termEnded(DelegateExecution execution, Agreements.Agreement agreement, LocalDate lastQuarter) {
        LocalDate afterTerm = agreement.termEnd().plusDays(1);
        String supervisor = (String) execution.getVariable(AgreementProcess.SUPERVISOR_ID);
        start(execution, agreement, supervisor, AgreementTerm.quarterOf(lastQuarter), QUARTERLY, lastQuarter,
                earlier(lastQuarter.plusMonths(3), afterTerm));
        LocalDate year = lastQuarter.withDayOfYear(1);
        boolean yearEnds = afterTerm.getDayOfYear() == 1;
        if (yearEnds || agreements.holderOf(agreement.communityId(), agreement.unitId()).isEmpty()) {
            start(execution, agreement, supervisor, String.valueOf(year.getYear()), ANNUAL, year,
                    earlier(year.plusYears(1), afterTerm));
        }
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private void start(DelegateExecution execution, Agreements.Agreement agreement, String supervisor, String period,
                       String kind, LocalDate from, LocalDate until) {
        String key = agreement.unitId() + "/" + period;
        reviews.lockUnit(agreement.unitId());
        if (reviews.byBusinessKey(key).isPresent()) {
            return;
        }
        long id = reviews.open(key, agreement.unitId(), agreement.unitName(), agreement.communityId(),
                agreement.communityName(), agreement.number(), period, kind, from, until, clock.instant());
        Map<String, Object> variables = new HashMap<>();
        variables.put(REVIEW_ID, id);
        variables.put(UNIT_ID, agreement.unitId());
        variables.put(UNIT_NAME, agreement.unitName());
        variables.put(COMMUNITY_ID, agreement.communityId());
        variables.put(COMMUNITY_NAME, agreement.communityName());
        variables.put(AgreementProcess.SUPERVISOR_ID, supervisor);
        variables.put(AgreementProcess.AGREEMENT_NUMBER, agreement.number());
        variables.put(PERIOD, period);
        variables.put(PERIOD_KIND, kind);
        String processKey = processBusinessKey(agreement.number(), period);
        var instance = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(KEY, processKey, variables);
        reviews.started(id, instance.getId());
    }

    /** Under the agreement's number, so that the review ends with the agreement. */
    static String processBusinessKey(String agreementNumber, String period) {
        return ReviewsOfEndedAgreement.prefix(agreementNumber) + period;
    }
}
