package org.gongjian.agreement;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** One side ended the agreement early: recorded with its reason; the other side and the street committee are told. */
@Component("terminateAgreementDelegate")
class TerminateAgreementDelegate implements JavaDelegate {

    private final Agreements agreements;
    private final AgreementNotices notices;
    private final EndEverythingUnderAgreement underIt;
    private final Clock clock;

    TerminateAgreementDelegate(Agreements agreements, AgreementNotices notices, EndEverythingUnderAgreement underIt, Clock clock) {
        this.agreements = agreements;
        this.notices = notices;
        this.underIt = underIt;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution agreement) {
        String number = (String) agreement.getVariable(AGREEMENT_NUMBER);
        String by = (String) agreement.getVariable(TERMINATED_BY);
        String reason = (String) agreement.getVariable(TERMINATION_REASON);
        agreements.end(number, "TERMINATED", clock.instant(), by, reason);
        underIt.end(agreement.getProcessEngineServices(), number, "协议提前终止 agreement terminated: " + reason);
        notices.send(agreement, true, "【协议终止】共建协议 " + number + " 已提前终止", List.of(
                agreement.getVariable(COMMUNITY_NAME) + "与" + agreement.getVariable(UNIT_NAME) + "的共建协议 " + number
                        + " 已由 " + by + " 提前终止。",
                "终止理由：" + reason,
                "The joint-building agreement " + number + " was terminated early by " + by + ". Reason: " + reason));
    }
}
