package org.gongjian.agreement;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.identity.Directory;
import org.gongjian.system.FormFields;
import org.gongjian.system.FormRows;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/**
 * Checks the draft: a unit of this community with no agreement in force over the new term, a term in order and at
 * most three years, a needs list.
 */
@Component("draftAgreementListener")
class DraftAgreementListener extends SubmittedFormListener {

    private final Directory directory;
    private final AgreementTerm term;
    private final Agreements agreements;
    private final Clock clock;

    DraftAgreementListener(Directory directory, AgreementTerm term, Agreements agreements, Clock clock) {
        this.directory = directory;
        this.term = term;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** Why a new agreement of the pair cannot begin while this one is in force. */
    static String inForce(Agreements.Agreement current) {
        return "本社区与该单位的共建协议 " + current.number() + " 生效至 " + current.termEnd() + "，续签协议须在 "
                + current.termEnd() + " 之后开始 (agreement " + current.number() + " is in force for this unit until "
                + current.termEnd() + "; a renewal may start after " + current.termEnd() + ")";
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String unitId = form.text(UNIT_ID, "驻区单位", true, 64);
        String communityId = (String) execution.getVariable(COMMUNITY_ID);
        Directory.Unit unit = directory.unit(unitId)
                .filter(u -> u.communityId().equals(communityId))
                .orElseThrow(() -> FormFields.invalid(UNIT_ID, "单位 '" + unitId + "' 不是本社区的驻区单位 (not a unit of this community)"));

        LocalDate start = form.date(TERM_START, "开始日期");
        LocalDate end = form.date(TERM_END, "结束日期");
        if (!end.isAfter(start)) {
            throw FormFields.invalid(TERM_END, "结束日期必须晚于开始日期 (must be after termStart)");
        }
        if (end.isAfter(start.plusYears(MAX_TERM_YEARS))) {
            throw FormFields.invalid(TERM_END, "协议期限最长 " + MAX_TERM_YEARS + " 年 (the term may last at most "
                    + MAX_TERM_YEARS + " years)");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), term.zone());
        if (end.isBefore(today)) {
            throw FormFields.invalid(TERM_END, "结束日期已经过去 (the term has already ended)");
        }

        // one agreement in force per pair: a renewal is a successor whose term starts after the current one ends
        agreements.inForceFor(communityId, unitId, start).ifPresent(current -> {
            throw FormFields.invalid(UNIT_ID, inForce(current));
        });

        FormRows needs = FormRows.of(execution, NEEDS, "社区需求清单", true, MAX_NEEDS);
        for (FormRows.Row need : needs) {
            need.text("title", "需求", true, 100);
            need.text("description", "说明", false, 1000);
        }

        execution.setVariable(UNIT_NAME, unit.name());
        execution.setVariable(SUPERVISOR_ID, unit.supervisorId());
        execution.setVariable(TERM_START, start.toString());
        execution.setVariable(TERM_END, end.toString());
        execution.setVariable(NEEDS, FormFields.spin(needs.checked()));
        execution.removeVariable(FILING_RETURN_REASON);
    }
}
