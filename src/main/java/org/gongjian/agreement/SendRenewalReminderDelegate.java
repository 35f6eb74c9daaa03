package org.gongjian.agreement;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** Sixty days before the end: both sides are reminded to renew. */
@Component("sendRenewalReminderDelegate")
class SendRenewalReminderDelegate implements JavaDelegate {

    private final AgreementNotices notices;

    SendRenewalReminderDelegate(AgreementNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution agreement) {
        notices.send(agreement, false, "【续签提醒】共建协议 " + agreement.getVariable(AGREEMENT_NUMBER) + " 将于 "
                + agreement.getVariable(TERM_END) + " 期满", List.of(
                agreement.getVariable(COMMUNITY_NAME) + "与" + agreement.getVariable(UNIT_NAME) + "的共建协议 "
                        + agreement.getVariable(AGREEMENT_NUMBER) + " 将于 " + agreement.getVariable(TERM_END)
                        + " 期满，还有 " + AgreementTerm.RENEWAL_REMINDER_DAYS + " 天。",
                "如需继续共建，请社区党建专干发起新的共建协议。",
                "The joint-building agreement ends in " + AgreementTerm.RENEWAL_REMINDER_DAYS
                        + " days; to continue, community staff start a new agreement."));
    }
}
