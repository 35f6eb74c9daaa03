package org.gongjian.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gongjian.identity.Groups;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/**
 * A signature: only a member of the signing side's leading group may give it (the unit's party
 * secretary, the community secretary), whoever else the task passed through. A delegation of
 * the task on the way is recorded with the signature.
 */
@Component("signAgreementListener")
class SignAgreementListener extends SubmittedFormListener {

    private final Agreements agreements;
    private final Clock clock;

    SignAgreementListener(Agreements agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        boolean unit = SIGN_AS_UNIT.equals(execution.getCurrentActivityId());
        String field = unit ? UNIT_SIGNED : COMMUNITY_SIGNED;
        if (!FormFields.of(execution).checked(field)) {
            throw FormFields.invalid(field, "请确认已阅读协议并签署 (tick the box to sign)");
        }
        String group = unit ? Groups.unitLeader((String) execution.getVariable(UNIT_ID))
                : Groups.communitySecretary((String) execution.getVariable(COMMUNITY_ID));
        Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = who == null ? null : who.getUserId();
        boolean member = user != null && Context.getCommandContext().runWithoutAuthorization(() ->
                execution.getProcessEngineServices().getIdentityService().createGroupQuery()
                        .groupMember(user).groupId(group).count() > 0);
        if (!member) {
            throw FormFields.invalid(field, "只有 " + group + " 的成员本人可以签署，" + (user == null ? "未登录" : user)
                    + " 不是 (only a member of " + group + " may sign)");
        }
        Instant taskCreated = Context.getCommandContext().runWithoutAuthorization(() -> {
            List<HistoricTaskInstance> tasks = execution.getProcessEngineServices().getHistoryService()
                    .createHistoricTaskInstanceQuery()
                    .processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(execution.getCurrentActivityId())
                    .orderByHistoricActivityInstanceStartTime().desc()
                    .listPage(0, 1);
            return tasks.isEmpty() ? Instant.EPOCH : tasks.get(0).getStartTime().toInstant();
        });
        List<String> delegates = agreements.delegatesOf(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
                taskCreated);
        agreements.recordSignature(execution.getProcessInstanceId(), unit ? Agreements.UNIT : Agreements.COMMUNITY, user,
                clock.instant(), delegates.isEmpty() ? null : String.join(",", delegates));
    }
}
