package org.gongjian.access;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.access.AccessProcess.*;

/**
 * What the access list said: a work type not on it, or funding below its minimum per community, is not
 * admitted, with the reason recorded; an admitted request the street committee need not see is approved by the
 * list itself.
 */
@Component("applyAccessListListener")
class ApplyAccessListListener implements ExecutionListener {

    private final AccessRequests requests;

    ApplyAccessListListener(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(ACCESS_REQUEST_ID)).longValue();
        AccessRequests.Request request = requests.find(id).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> list = (Map<String, Object>) execution.getVariable(ACCESS_LIST);
        Verdict verdict = verdict(list, request.fundingPerCommunity());
        if (!verdict.admitted()) {
            requests.gate(id, "NOT_ADMITTED", verdict.reason());
        } else if (!verdict.streetApproval()) {
            requests.gate(id, "APPROVED", verdict.reason());
        }
        execution.setVariable(ADMITTED, verdict.admitted());
        execution.setVariable(STREET_APPROVAL, verdict.streetApproval());
        execution.setVariable(GATE_REASON, verdict.reason());
        execution.setVariable(ACCESS_GRANTED, verdict.admitted() && !verdict.streetApproval());
    }

    record Verdict(boolean admitted, boolean streetApproval, String reason) {}

    /** The access list's row and the funding offered, as one verdict with its reason. */
    static Verdict verdict(Map<String, Object> row, BigDecimal funding) {
        if (row == null || !Boolean.TRUE.equals(row.get("admitted"))) {
            return new Verdict(false, false, "不在准入清单上 (not on the access list)");
        }
        BigDecimal minimum = new BigDecimal(row.get("minimumFunding").toString()).setScale(2, java.math.RoundingMode.HALF_UP);
        String label = String.valueOf(row.get("label"));
        if (funding.compareTo(minimum) < 0) {
            return new Verdict(false, false, label + "每个社区至少须拨付 " + minimum.toPlainString() + " 元，申请只有 "
                    + funding.toPlainString() + " 元 (funding below the access list's minimum per community)");
        }
        boolean approval = Boolean.TRUE.equals(row.get("streetApproval"));
        return new Verdict(true, approval, label + (approval ? "：准入，须街道审批 (admitted; the street committee approves)"
                : "：准入 (admitted by the access list)"));
    }
}
