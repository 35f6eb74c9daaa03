package org.gongjian.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.agreement.AgreementWorld.*;

/**
 * One agreement in force per community and unit: a draft for a pair with an agreement in force over the new term is
 * refused, a renewal starting after the current one's end is its successor, and two filings racing for the same pair
 * bring one agreement into force — the database keeps the rule (agreement_in_force), not only the listener.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class OneAgreementInForcePerPairTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired Agreements agreements;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aSecondDraftForAPairWithAnAgreementInForceIsRefusedNamingUnitId() {
        AgreementWorld world = new AgreementWorld(engine);
        String number = number(world.activeAgreement("2027-01-01", "2027-12-31"));
        ProcessInstance second = world.startAlongside();

        ResponseEntity<String> answer = submit(world.task(second, AgreementProcess.DRAFT), STAFF, """
                {"unitId": {"value": "school"}, "termStart": {"value": "2027-07-01"}, "termEnd": {"value": "2028-06-30"},
                 "needs": {"type": "Json", "value": "[{\\"title\\": \\"青少年课后托管\\"}]"}}""");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("unitId", number, "a renewal may start after 2027-12-31");
        assertThat(world.task(second, AgreementProcess.DRAFT)).as("the draft stays open, unchanged").isNotNull();
        assertThat(engine.getRuntimeService().getVariable(second.getId(), AgreementProcess.TERM_START)).isNull();
    }

    @Test
    void aRenewalStartingAfterTheCurrentEndIsItsSuccessor() {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance current = world.activeAgreement("2027-01-01", "2027-12-31");
        ProcessInstance renewal = world.agreedAndFiled(world.startAlongside(), "2028-01-01", "2028-12-31");
        String renewed = number(renewal);

        assertThat(agreements.find(number(current)).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(agreements.find(renewed).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(agreements.holderOf("heping", SCHOOL)).contains(renewed);
        Job firstQuarter = world.job(renewal, "quarterStarted");
        assertThat(firstQuarter.getDuedate()).as("the renewal's quarters begin with its own term")
                .isEqualTo(java.util.Date.from(java.time.Instant.parse("2027-12-31T16:00:00Z")));

        // the current one ends early: the renewal keeps the pair
        engine.getRuntimeService().createMessageCorrelation(AgreementProcess.TERMINATION_MESSAGE)
                .processInstanceId(current.getId())
                .setVariable("terminatedBy", LEADER).setVariable("terminationReason", "提前结束，续签协议接续").correlate();
        world.run(current, "terminateAgreement");
        assertThat(agreements.holderOf("heping", SCHOOL)).contains(renewed);
    }

    @Test
    void aFilingForAPairThatCameIntoForceMeanwhileIsRefusedNamingFilingDecision() {
        AgreementWorld world = new AgreementWorld(engine);
        ProcessInstance first = world.agreedAndSigned(world.start(), "2027-01-01", "2027-12-31");
        ProcessInstance second = world.agreedAndSigned(world.startAlongside(), "2027-04-01", "2028-03-31");
        world.complete(first, AgreementProcess.FILE, STREET, Map.of("filingDecision", "file"));

        ResponseEntity<String> answer = submit(world.task(second, AgreementProcess.FILE), STREET,
                "{\"filingDecision\": {\"value\": \"file\"}}");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("filingDecision", number(first), "a renewal may start after 2027-12-31");
        assertThat(world.task(second, AgreementProcess.FILE)).as("still waiting to be filed or returned").isNotNull();
        assertThat(engine.getRuntimeService().getVariable(second.getId(), AgreementProcess.AGREEMENT_NUMBER)).isNull();
    }

    @Test
    void twoFilingsRacingForOnePairBringOneAgreementIntoForce() throws Exception {
        AgreementWorld world = new AgreementWorld(engine);
        world.endAgreementsInForce(SCHOOL);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                ProcessInstance a = world.agreedAndSigned(world.start(), "2027-01-01", "2027-12-31");
                ProcessInstance b = world.agreedAndSigned(world.startAlongside(), "2027-01-01", "2027-12-31");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (ProcessInstance pi : List.of(a, b)) {
                    Task filing = world.task(pi, AgreementProcess.FILE);
                    outcomes.add(two.submit(() -> {
                        go.await();
                        world.as(STREET);
                        try {
                            engine.getTaskService().complete(filing.getId(), Map.of("filingDecision", "file"));
                            return "filed";
                        } catch (FormFieldValidationException refused) {
                            return "refused";
                        } finally {
                            world.nobody();
                        }
                    }));
                }
                go.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(60, TimeUnit.SECONDS));
                }
                assertThat(results).as("round " + round).containsExactlyInAnyOrder("filed", "refused");
                Integer inForce = jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE community_id = 'heping'"
                        + " AND unit_id = 'school' AND status = 'ACTIVE'", Integer.class);
                assertThat(inForce).as("agreements in force for the school").isEqualTo(1);
                String filed = results.get(0).equals("filed") ? number(a) : number(b);
                assertThat(agreements.holderOf("heping", SCHOOL)).contains(filed);
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void theDatabaseRefusesASecondAgreementInForceEvenWhenNoCheckStoodInItsWay() {
        String pair = "pair-" + java.util.UUID.randomUUID();
        // an agreement of the pair that has just taken the pair in a racing transaction, not yet seen as ACTIVE here
        jdbc.update("""
                INSERT INTO agreement (agreement_number, process_instance_id, community_id, community_name, unit_id, unit_name,
                    term_start, term_end, needs_json, resources_json, status, activated_at)
                VALUES (?, ?, 'heping', '和平社区', ?, '竞争单位', DATE '2027-01-01', DATE '2027-12-31', '[]', '[]', 'TERMINATED',
                    CURRENT_TIMESTAMP)""", "GJ-RACE-" + pair, "pi-race-" + pair, pair);
        jdbc.update("INSERT INTO agreement_in_force (community_id, unit_id, agreement_number, term_end) VALUES ('heping', ?, ?, DATE '2027-12-31')",
                pair, "GJ-RACE-" + pair);

        Agreements.Agreement second = new Agreements.Agreement("GJ-RACE2-" + pair, "pi-race2-" + pair, "heping", "和平社区", pair,
                "竞争单位", java.time.LocalDate.parse("2027-06-01"), java.time.LocalDate.parse("2028-05-31"), "[]", "[]", "ACTIVE",
                java.time.Instant.now(), null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .executeWithoutResult(tx -> agreements.activate(second)))
                .isInstanceOf(Agreements.PairTaken.class);
        assertThat(agreements.holderOf("heping", pair)).contains("GJ-RACE-" + pair);
        assertThat(agreements.find("GJ-RACE2-" + pair)).as("rolled back with the refusal").isEmpty();
    }

    private String number(ProcessInstance agreement) {
        return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(agreement.getId())
                .variableName(AgreementProcess.AGREEMENT_NUMBER).list().stream().findFirst()
                .map(v -> (String) v.getValue()).orElse(null);
    }

    private ResponseEntity<String> submit(Task task, String user, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                new HttpEntity<>("{\"variables\": " + variables + "}", headers), String.class);
    }
}
