package org.gongjian.agreement;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.FormRows;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** Checks the unit's answer row by row: venues named, no negative counts or funds, a contact person, at least one proposed activity. */
@Component("answerWithResourcesListener")
class AnswerWithResourcesListener extends SubmittedFormListener {

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        FormRows venues = FormRows.of(execution, VENUES, "可提供的场地", false, MAX_VENUES);
        for (FormRows.Row venue : venues) {
            venue.text("name", "场地名称", true, 100);
            venue.wholeNumber("capacity", "容纳人数", 0, 100_000, 0); // 0: not said
        }
        form.text(EXPERTISE, "专业特长", false, 2000);
        int volunteers = form.wholeNumber(VOLUNTEERS, "志愿者人数", 0);
        BigDecimal funds = form.number(ANNUAL_FUNDS, "年度共建经费", BigDecimal.ZERO);
        form.text(CONTACT_PERSON, "联系人", true, 50);
        form.text(CONTACT_PHONE, "联系电话", false, 30);
        FormRows activities = FormRows.of(execution, PROPOSED_ACTIVITIES, "拟开展的活动", true, MAX_PROPOSED_ACTIVITIES);
        for (FormRows.Row activity : activities) {
            activity.text("title", "活动", true, 100);
            activity.text("timing", "时间安排", false, 100);
        }
        execution.setVariable(VOLUNTEERS, volunteers);
        execution.setVariable(ANNUAL_FUNDS, funds.doubleValue());
        execution.setVariable(VENUES, FormFields.spin(venues.checked()));
        execution.setVariable(PROPOSED_ACTIVITIES, FormFields.spin(activities.checked()));
    }
}
