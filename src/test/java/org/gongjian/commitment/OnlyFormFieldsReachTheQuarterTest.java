package org.gongjian.commitment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.ForeignVariables;
import org.gongjian.GongjianTest;
import org.gongjian.system.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.ForeignVariables.refusedThenValidAccepted;
import static org.gongjian.commitment.CommitmentWorld.*;

/** Each task of a quarter takes only its form's fields: no one moves the quarter's end or rewrites what was committed. */
@GongjianTest
class OnlyFormFieldsReachTheQuarterTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired EngineClock clock;

    CommitmentWorld world;
    ProcessInstance cycle;

    @BeforeEach
    void aQuarterHasStarted() {
        clock.set(Instant.parse("2027-01-04T01:00:00Z"));
        world = new CommitmentWorld(engine);
        cycle = world.start(agreementNumber());
    }

    @AfterEach
    void realTime() {
        clock.reset();
        world.nobody();
    }

    @Test
    void theProjectsCannotMoveTheQuartersEnd() throws Exception {
        Object offered = engine.getRuntimeService().getVariable(cycle.getId(), "projects");
        refusedThenValidAccepted(engine, rest, world.task(cycle, CommitmentProcess.PREPARE_PROJECTS), STAFF,
                Map.of("projects", offered), "quarterEnd", "2099-12-31");
    }

    @Test
    void theCommitmentsCannotMoveTheQuarterOrNameAnotherUnit() throws Exception {
        world.prepare(cycle);
        Map<String, Object> commitments = new HashMap<>();
        commitments.put("activities", rows(activity("2027-01-16", "社区活动室", 30, "周末课堂")));
        commitments.put("fundInstalment", 7500);
        refusedThenValidAccepted(engine, rest, world.task(cycle, CommitmentProcess.SUBMIT_COMMITMENTS), LIAISON, commitments,
                "quarterEnd", "2099-12-31");
    }

    @Test
    void theApprovalCannotRewriteTheActivitiesOrTheInstalment() throws Exception {
        world.prepare(cycle);
        world.submit(cycle, rows(activity("2027-01-16", "社区活动室", 30, "周末课堂")), 7500);
        Map<String, Object> accept = Map.of("approvalDecision", "approve");
        Map<String, Object> withInstalment = new HashMap<>(accept);
        withInstalment.put("fundInstalment", 1_000_000);
        assertThat(ForeignVariables.submit(rest, world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS), STAFF, withInstalment)
                .getStatusCode().value()).isEqualTo(400);
        refusedThenValidAccepted(engine, rest, world.task(cycle, CommitmentProcess.APPROVE_COMMITMENTS), STAFF, accept,
                "activities", "[]");
    }
}
