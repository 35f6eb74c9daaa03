package org.gongjian.access;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.funds.FundTransferProcess;
import org.springframework.stereotype.Component;

import static org.gongjian.access.AccessProcess.*;

/**
 * The community accepted the work: the department's money for it starts as a fund transfer of kind department
 * payment, once per request and community whatever retries do, due by the end of the work's period. Work that
 * brings no money starts no transfer.
 */
@Component("startDepartmentPaymentDelegate")
class StartDepartmentPaymentDelegate implements JavaDelegate {

    private final AccessRequests requests;

    StartDepartmentPaymentDelegate(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(ACCESS_REQUEST_ID)).longValue();
        String community = (String) execution.getVariable(COMMUNITY_ID);
        AccessRequests.Request request = requests.find(id).orElseThrow();
        if (request.fundingPerCommunity().signum() == 0) {
            return;
        }
        String key = FundTransferProcess.accessPaymentKey(id, community);
        boolean started = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(FundTransferProcess.KEY).processInstanceBusinessKey(key).count() > 0;
        if (!started) {
            Map<String, Object> v = new HashMap<>();
            v.put(FundTransferProcess.KIND, "DEPARTMENT_PAYMENT");
            v.put(FundTransferProcess.DEPARTMENT_ID, request.departmentId());
            v.put(FundTransferProcess.ACCESS_REQUEST_ID, id);
            v.put(FundTransferProcess.COMMUNITY_ID, community);
            v.put(FundTransferProcess.AMOUNT, request.fundingPerCommunity().toPlainString());
            v.put(FundTransferProcess.PURPOSE, request.title());
            v.put(FundTransferProcess.DUE_DATE, request.periodEnd().toString());
            execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey(FundTransferProcess.KEY, key, v);
        }
        requests.paidBy(id, community, key);
    }
}
