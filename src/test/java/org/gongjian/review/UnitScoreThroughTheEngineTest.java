package org.gongjian.review;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The score as the running application decides it: the DMN deployed with the app, evaluated by its engine. */
@GongjianTest
class UnitScoreThroughTheEngineTest {

    @Autowired
    UnitScore unitScore;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @AfterEach
    void nobodyLoggedIn() {
        identity.clearAuthentication();
    }

    @Test
    void theDeployedDecisionsScoreAQuarterAndKeepWhatTheyDecidedInTheHistory() {
        Map<String, Number> figures = new HashMap<>();
        UnitScore.FIGURES.forEach(name -> figures.put(name, 0));
        figures.putAll(Map.of("tasksDue", 2, "tasksDoneBeforeReminder", 2, "meetingsInvited", 1,
                "meetingsAttendedByLeader", 1));

        UnitScore.Score score = unitScore.quarter(figures);

        assertThat(score.score()).isEqualByComparingTo("31.3");
        assertThat(score.grade()).isEqualTo("不合格");
        HistoricDecisionInstance kept = history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(ReviewProcess.SCORE_DECISION).includeOutputs().orderByEvaluationTime().desc()
                .list().get(0);
        assertThat(kept.getOutputs()).anySatisfy(output -> {
            assertThat(output.getVariableName()).isEqualTo("points");
            assertThat(output.getValue()).isEqualTo(31.3);
        });
        assertThat(history.createHistoricDecisionInstanceQuery().rootDecisionInstanceId(kept.getId())
                .decisionDefinitionKey("unit-score-fulfilment").count())
                .as("the parts' decisions kept with it").isOne();
    }

    @Test
    void theYearGoesThroughTheEngineWithItsListOfQuarters() {
        assertThat(unitScore.annual(List.of(new BigDecimal("81")), new BigDecimal("78.5")).score())
                .isEqualByComparingTo("80.3");
    }

    @Test
    void whoeverLeadsToAGradeNeedsNoRightToEvaluateDecisions() {
        identity.setAuthenticatedUserId("someone-without-rights");

        String grade = engine.getCommandExecutorTxRequired().execute(context -> unitScore.grade(new BigDecimal("85")));

        assertThat(grade).isEqualTo("良好");
    }
}
