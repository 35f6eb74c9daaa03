package org.gongjian.commitment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.activity.ActivityProcess;
import org.gongjian.funds.FundTransferProcess;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/**
 * Once the commitments are approved: starts one {@code activity} per committed activity, with
 * business key {@code <this business key>/<n>}, and a {@code fund-transfer} with business key
 * {@code <this business key>/funds} if an instalment was committed. Whatever already exists under
 * its business key is left alone, so a retried or repeated step starts nothing twice.
 */
@Component("startActivitiesDelegate")
class StartActivitiesDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        String key = execution.getProcessBusinessKey();
        ArrayNode activities = FormFields.array(execution.getVariable(ACTIVITIES));
        for (int i = 0; i < activities.size(); i++) {
            String activityKey = key + "/" + (i + 1);
            if (!exists(history, ActivityProcess.KEY, activityKey)) {
                runtime.startProcessInstanceByKey(ActivityProcess.KEY, activityKey, activity(execution, activities.get(i)));
            }
        }
        BigDecimal instalment = instalment(execution.getVariable(FUND_INSTALMENT));
        String fundsKey = key + FundTransferProcess.FUNDS_SUFFIX;
        if (instalment.signum() > 0 && !exists(history, FundTransferProcess.KEY, fundsKey)) {
            runtime.startProcessInstanceByKey(FundTransferProcess.KEY, fundsKey, transfer(execution, instalment));
        }
    }

    /** Started before, whether still running or already ended. */
    private static boolean exists(HistoryService history, String processKey, String businessKey) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey)
                .count() > 0;
    }

    /**
     * The agreement and its parties, which every process of the quarter carries under the same
     * names: the escalation ladder finds the unit leader, community secretary and supervising body by them.
     */
    private static Map<String, Object> parties(DelegateExecution execution) {
        Map<String, Object> v = new HashMap<>();
        for (String name : new String[] {AGREEMENT_NUMBER, QUARTER, COMMUNITY_ID, COMMUNITY_NAME, UNIT_ID, UNIT_NAME,
                SUPERVISOR_ID}) {
            v.put(name, execution.getVariable(name));
        }
        return v;
    }

    private static Map<String, Object> activity(DelegateExecution execution, JsonNode a) {
        Map<String, Object> v = parties(execution);
        v.put(ActivityProcess.TITLE, a.path("title").asText());
        v.put(ActivityProcess.KIND, a.path("kind").asText(DEFAULT_KIND));
        v.put(ActivityProcess.DATE, a.path("date").asText());
        v.put(ActivityProcess.PLACE, a.path("place").asText());
        v.put(ActivityProcess.PLACES, a.path("places").asInt());
        v.put(ActivityProcess.VOLUNTEERS, a.path("volunteers").asInt(0));
        v.put(ActivityProcess.HOURS, a.path("hours").asDouble(0));
        return v;
    }

    private static Map<String, Object> transfer(DelegateExecution execution, BigDecimal amount) {
        Map<String, Object> v = parties(execution);
        v.put(FundTransferProcess.KIND, "INSTALMENT");
        v.put(FundTransferProcess.AMOUNT, amount.setScale(2).toPlainString());
        // the quarter's money reaches the community within the quarter it was committed for
        v.put(FundTransferProcess.DUE_DATE, execution.getVariable(QUARTER_END));
        v.put(FundTransferProcess.PURPOSE, execution.getVariable(UNIT_NAME) + " " + execution.getVariable(QUARTER)
                + " 季度共建经费 · quarterly joint-building funds");
        return v;
    }

    static BigDecimal instalment(Object value) {
        if (value == null || value.toString().isBlank()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(value.toString().trim());
    }
}
