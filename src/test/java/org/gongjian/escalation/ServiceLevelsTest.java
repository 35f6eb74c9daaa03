package org.gongjian.escalation;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-level table is evaluated once per task and version, not once per due date and timer;
 * a new version deployed by the street committee applies to the next read.
 */
@GongjianTest
class ServiceLevelsTest {

    @Autowired ProcessEngine engine;
    @Autowired ServiceLevels serviceLevels;

    @Test
    void aTasksRowsAreEvaluatedOnceAndANewVersionOfTheTableAppliesToTheNextRead() throws Exception {
        assertThat(serviceLevels.level("draftAgreement", "due").days()).isEqualTo(7);
        long evaluations = evaluations();
        for (String step : new String[] {"due", "reminder", "escalation-1", "due"}) {
            serviceLevels.level("draftAgreement", step);
        }
        assertThat(evaluations()).as("read again without evaluating the table").isEqualTo(evaluations);

        String table = Files.readString(Path.of("bpmn/service-levels.dmn"));
        String longer = table.replace("<outputEntry id=\"rule01days\"><text>7</text></outputEntry>",
                "<outputEntry id=\"rule01days\"><text>9</text></outputEntry>");
        assertThat(longer).isNotEqualTo(table);
        try {
            deploy(longer);
            assertThat(serviceLevels.level("draftAgreement", "due").days()).isEqualTo(9);
            assertThat(serviceLevels.level("draftAgreement", "reminder").days()).isEqualTo(5);
        } finally {
            deploy(table);
        }
        assertThat(serviceLevels.level("draftAgreement", "due").days()).isEqualTo(7);
    }

    private long evaluations() {
        return engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(ServiceLevels.DECISION).count();
    }

    private void deploy(String table) {
        engine.getRepositoryService().createDeployment().name("service levels changed by the street committee")
                .addString("bpmn/service-levels.dmn", table).deploy();
    }
}
