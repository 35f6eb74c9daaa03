package org.gongjian.agreement;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** The term is over: the agreement expires, what runs under it ends but its reviews, and both sides are told. */
@Component("expireAgreementDelegate")
class ExpireAgreementDelegate implements JavaDelegate {

    private final Agreements agreements;
    private final AgreementNotices notices;
    private final EndEverythingUnderAgreement underIt;
    private final Clock clock;

    ExpireAgreementDelegate(Agreements agreements, AgreementNotices notices, EndEverythingUnderAgreement underIt, Clock clock) {
        this.agreements = agreements;
        this.notices = notices;
        this.underIt = underIt;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution agreement) {
        String number = (String) agreement.getVariable(AGREEMENT_NUMBER);
        agreements.end(number, "EXPIRED", clock.instant(), null, null);
        underIt.end(agreement.getProcessEngineServices(), number, "协议期满 agreement expired", true);
        notices.send(agreement, false, "【协议期满】共建协议 " + number + " 已到期", List.of(
                agreement.getVariable(COMMUNITY_NAME) + "与" + agreement.getVariable(UNIT_NAME) + "的共建协议 " + number
                        + " 已于 " + agreement.getVariable(TERM_END) + " 期满。",
                "The joint-building agreement " + number + " has expired."));
    }
}
