package org.gongjian.access;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The access list as the street committee wrote it, and the verdict the process draws from it, at the edges. */
class AccessListTest {

    static DmnEngine dmn;
    static DmnDecision list;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (var in = new java.io.FileInputStream("bpmn/community-access.dmn")) {
            list = dmn.parseDecision(AccessProcess.DECISION, in);
        }
    }

    private static DmnDecisionRuleResult row(String workType) {
        return dmn.evaluateDecisionTable(list, Map.of("workType", workType)).getSingleResult();
    }

    private static ApplyAccessListListener.Verdict verdict(String workType, String funding) {
        return ApplyAccessListListener.verdict(row(workType).getEntryMap(), new BigDecimal(funding));
    }

    @Test
    void aCensusNeedsFiveThousandPerCommunityAndTheStreetCommittee() {
        assertThat(row("census").<Boolean>getEntry("admitted")).isTrue();
        assertThat(verdict("census", "5000.00")).satisfies(v -> {
            assertThat(v.admitted()).isTrue();
            assertThat(v.streetApproval()).isTrue();
        });
        assertThat(verdict("census", "4999.99").admitted()).as("one cent below the minimum").isFalse();
        assertThat(verdict("census", "4999.99").reason()).contains("5000.00", "4999.99");
    }

    @Test
    void aBenefitCheckWithEnoughMoneyNeedsNoApproval() {
        assertThat(verdict("benefit-check", "2000")).satisfies(v -> {
            assertThat(v.admitted()).isTrue();
            assertThat(v.streetApproval()).isFalse();
        });
        assertThat(verdict("benefit-check", "1999.99").admitted()).isFalse();
        assertThat(verdict("promotion", "1000").streetApproval()).isFalse();
        assertThat(verdict("safety-inspection", "3000").streetApproval()).isTrue();
    }

    @Test
    void workNotOnTheListIsNotAdmittedWhateverItPays() {
        assertThat(row("street-sweeping").<Boolean>getEntry("admitted")).isFalse();
        assertThat(verdict("street-sweeping", "999999").admitted()).isFalse();
        assertThat(verdict("", "5000").admitted()).isFalse();
        assertThat(ApplyAccessListListener.verdict(null, new BigDecimal("5000")).admitted()).isFalse();
    }
}
