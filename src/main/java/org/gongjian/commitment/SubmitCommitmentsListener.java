package org.gongjian.commitment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.funds.FundsSettings;
import org.gongjian.system.FormFields;
import org.gongjian.system.FormRows;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/**
 * Checks the quarter's commitments row by row: at most {@value CommitmentProcess#MAX_ACTIVITIES}
 * activities, each dated inside the quarter and not in the past, with a title, a place, at least
 * one place to sign up for, no negative volunteers or hours, and one of the {@link CommitmentProcess#KINDS};
 * the fund instalment in yuan, none or 0 for no transfer.
 */
@Component("submitCommitmentsListener")
class SubmitCommitmentsListener extends SubmittedFormListener {

    private final FundsSettings funds;
    private final ZoneId zone;
    private final Clock clock;

    SubmitCommitmentsListener(FundsSettings funds, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.funds = funds;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        LocalDate start = LocalDate.parse((String) execution.getVariable(QUARTER_START));
        LocalDate end = LocalDate.parse((String) execution.getVariable(QUARTER_END));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        FormRows activities = FormRows.of(execution, ACTIVITIES, "本季度活动", true, MAX_ACTIVITIES);
        for (FormRows.Row activity : activities) {
            LocalDate day = activity.date("date", "日期", start, end, "本季度", "the quarter");
            if (day.isBefore(today)) {
                throw activity.invalid("date", "日期", " " + day + " 已经过去", "must not be before today, " + today);
            }
            activity.text("title", "活动名称", true, 100);
            activity.text("place", "地点", true, 200);
            activity.wholeNumber("places", "名额", 1, 10_000, null);
            activity.wholeNumber("volunteers", "志愿者人数", 0, 10_000, 0);
            activity.number("hours", "预计时长", 1, BigDecimal.ZERO, BigDecimal.valueOf(999), BigDecimal.ZERO);
            activity.choice("kind", "活动类型", KINDS, DEFAULT_KIND);
        }
        Object instalment = execution.getVariable(FUND_INSTALMENT);
        if (instalment != null && !instalment.toString().isBlank()) {
            // kept as the decimal's string: money never travels as a Double
            execution.setVariable(FUND_INSTALMENT, FormFields.of(execution).money(FUND_INSTALMENT, "本季度拨付经费", true,
                    funds.maxAmount()).toPlainString());
        } else {
            execution.removeVariable(FUND_INSTALMENT);
        }
        execution.setVariable(ACTIVITIES, FormFields.spin(activities.checked()));
        // the next review starts from a clean form; history keeps what was said before
        execution.removeVariable(APPROVAL_DECISION);
        execution.removeVariable(APPROVAL_COMMENTS);
    }
}
