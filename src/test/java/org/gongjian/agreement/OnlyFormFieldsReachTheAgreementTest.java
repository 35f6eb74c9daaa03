package org.gongjian.agreement;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.system.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.ForeignVariables.refusedThenValidAccepted;
import static org.gongjian.agreement.AgreementWorld.*;

/**
 * Each task of the agreement, and its start form, takes only its form's fields: a valid
 * submission with one variable more (a party, a date, an id the process set) is refused with 400
 * naming it and changes nothing.
 */
@GongjianTest
class OnlyFormFieldsReachTheAgreementTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired EngineClock clock;

    AgreementWorld world;
    ProcessInstance pi;
    String start;
    String end;

    @BeforeEach
    void anAgreementInDraft() {
        world = new AgreementWorld(engine);
        pi = world.start();
        LocalDate nextQuarter = LocalDate.now(clock).withDayOfMonth(1).plusMonths(3 - (LocalDate.now(clock).getMonthValue() - 1) % 3);
        start = nextQuarter.toString();
        end = nextQuarter.plusYears(1).minusDays(1).toString();
    }

    @AfterEach
    void noOne() {
        world.nobody();
    }

    @Test
    void aDraftCannotMoveTheAgreementToAnotherCommunity() throws Exception {
        refusedThenValidAccepted(engine, rest, world.task(pi, AgreementProcess.DRAFT), STAFF, draft("school", start, end),
                AgreementProcess.COMMUNITY_ID, "yangguang");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), AgreementProcess.COMMUNITY_ID)).isEqualTo("heping");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(AgreementProcess.ANSWER);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskCandidateGroup("unit-school-liaison").count()).as("the next task goes to the draft's own unit").isOne();
    }

    @Test
    void theUnitsAnswerCannotChangeItsSupervisor() throws Exception {
        world.complete(pi, AgreementProcess.DRAFT, STAFF, draft("school", start, end));
        refusedThenValidAccepted(engine, rest, world.task(pi, AgreementProcess.ANSWER), LIAISON, resources(),
                AgreementProcess.SUPERVISOR_ID, "nobody");
    }

    @Test
    void theReviewCannotChangeTheTerm() throws Exception {
        world.complete(pi, AgreementProcess.DRAFT, STAFF, draft("school", start, end));
        world.complete(pi, AgreementProcess.ANSWER, LIAISON, resources());
        refusedThenValidAccepted(engine, rest, world.task(pi, AgreementProcess.REVIEW), SECRETARY, review("accept", null),
                AgreementProcess.TERM_END, "2099-12-31");
    }

    @Test
    void signaturesAndFilingCannotChangeTheUnit() throws Exception {
        world.complete(pi, AgreementProcess.DRAFT, STAFF, draft("school", start, end));
        world.complete(pi, AgreementProcess.ANSWER, LIAISON, resources());
        world.complete(pi, AgreementProcess.REVIEW, SECRETARY, review("accept", null));
        refusedThenValidAccepted(engine, rest, world.task(pi, AgreementProcess.SIGN_AS_UNIT), LEADER,
                Map.of("unitSigned", true), AgreementProcess.UNIT_ID, "power");
        refusedThenValidAccepted(engine, rest, world.task(pi, AgreementProcess.SIGN_AS_COMMUNITY), SECRETARY,
                Map.of("communitySigned", true), AgreementProcess.UNIT_NAME, "别的单位");
        refusedThenValidAccepted(engine, rest, world.task(pi, AgreementProcess.FILE), STREET,
                Map.of("filingDecision", "file"), AgreementProcess.AGREEMENT_NUMBER, "GJ-FAKE-1");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(AgreementProcess.UNIT_ID).singleResult().getValue()).isEqualTo("school");
    }

    @Test
    void theStartFormTakesNoVariables() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count();
        for (String path : new String[] {"submit-form", "start"}) {
            ResponseEntity<String> refused = rest.withBasicAuth(STAFF, "demo").postForEntity(
                    "/engine-rest/process-definition/key/agreement/" + path,
                    new HttpEntity<>("{\"variables\": {\"communityId\": {\"value\": \"yangguang\"}}}", headers), String.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("communityId");
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count())
                .as("no agreement started").isEqualTo(before);
    }
}
