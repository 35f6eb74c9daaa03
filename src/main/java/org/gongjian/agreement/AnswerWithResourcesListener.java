package org.gongjian.agreement;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** Checks the unit's answer: no negative counts or funds, a contact person, at least one proposed activity. */
@Component("answerWithResourcesListener")
class AnswerWithResourcesListener extends SubmittedFormListener {

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        form.text(VENUES, "可提供的场地", false, 2000);
        form.text(EXPERTISE, "专业特长", false, 2000);
        int volunteers = form.wholeNumber(VOLUNTEERS, "志愿者人数", 0);
        BigDecimal funds = form.number(ANNUAL_FUNDS, "年度共建经费", BigDecimal.ZERO);
        form.text(CONTACT_PERSON, "联系人", true, 50);
        form.text(CONTACT_PHONE, "联系电话", false, 30);
        ArrayNode activities = form.lines(PROPOSED_ACTIVITIES_TEXT, "拟开展的活动", true, "title", "timing");
        for (int i = 0; i < activities.size(); i++) {
            FormFields.itemText(activities.get(i), PROPOSED_ACTIVITIES_TEXT, i, "title", "活动", true, 100);
            FormFields.itemText(activities.get(i), PROPOSED_ACTIVITIES_TEXT, i, "timing", "时间安排", false, 100);
        }
        execution.setVariable(VOLUNTEERS, volunteers);
        execution.setVariable(ANNUAL_FUNDS, funds.doubleValue());
        execution.setVariable(PROPOSED_ACTIVITIES, FormFields.spin(activities));
    }
}
