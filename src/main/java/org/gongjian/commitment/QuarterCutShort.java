package org.gongjian.commitment;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What another feature may ask of a running quarter: its report now, because what it ran under has ended (an agreement
 * terminated or expired before the quarter's end). The report is the one a quarter's end gives — what was committed
 * and what became of it (cancelled activities counted as cancelled), stored once per agreement and quarter and mailed
 * to the street committee.
 */
@Component
public class QuarterCutShort {

    private final ReportQuarterDelegate report;

    QuarterCutShort(ReportQuarterDelegate report) {
        this.report = report;
    }

    /** Reports the quarter if the instance is a running quarterly commitment; a quarter reported before is left as it is. */
    public void report(ProcessEngineServices engine, ProcessInstance instance) {
        String definition = engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey();
        if (!CommitmentProcess.KEY.equals(definition)) {
            return;
        }
        Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
        report.report(instance.getId(), instance.getBusinessKey(), variables::get);
    }
}
