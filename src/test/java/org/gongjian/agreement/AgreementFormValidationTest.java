package org.gongjian.agreement;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.agreement.AgreementWorld.*;

/** Every bad submission through /engine-rest gets 400 naming the field, and leaves the task open and unchanged. */
@GongjianTest
@ExtendWith(TestClock.class)
class AgreementFormValidationTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;

    AgreementWorld world;
    ProcessInstance pi;

    @BeforeEach
    void anAgreementInDraft() {
        world = new AgreementWorld(engine);
        pi = world.start();
    }

    @AfterEach
    void noOne() {
        world.nobody();
    }

    @Test
    void badDraftsAreRefused() {
        refused(AgreementProcess.DRAFT, STAFF, draftJson("school", "2027-06-30", "2027-01-01", NEEDS), "termEnd");
        refused(AgreementProcess.DRAFT, STAFF, draftJson("school", "2027-01-01", "2030-06-30", NEEDS), "termEnd");
        refused(AgreementProcess.DRAFT, STAFF, draftJson("school", "2027-01-01", "2027-12-31", "[]"), "needs");
        refused(AgreementProcess.DRAFT, STAFF, draftJson("school", "2027-01-01", "2027-12-31",
                "[{\"title\": \"关爱空巢老人\"}, {\"title\": \" \", \"description\": \"只有说明没有需求\"}]"), "needs[1].title");
        refused(AgreementProcess.DRAFT, STAFF, draftJson("school", "2027-01-01", "2027-12-31",
                "[{\"title\": \"" + "需".repeat(101) + "\"}]"), "needs[0].title");
        refused(AgreementProcess.DRAFT, STAFF, draftJson("school", "2027-01-01", "2027-12-31", "\"关爱空巢老人：每月上门探访\""),
                "needs");
        refused(AgreementProcess.DRAFT, STAFF, draftJson("power", "2027-01-01", "2027-12-31", NEEDS), "unitId");
        refused(AgreementProcess.DRAFT, STAFF, draftJson("school", "not-a-date", "2027-12-31", NEEDS), "termStart");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "termEnd")).as("nothing changed").isNull();
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "unitId")).isNull();
    }

    @Test
    void badAnswersReviewsSignaturesAndFilingsAreRefused() {
        world.complete(pi, AgreementProcess.DRAFT, STAFF, draft("school", "2027-01-01", "2028-12-31"));

        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("annualFunds", "{\"value\": -1}"), "annualFunds");
        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("volunteers", "{\"value\": -3}"), "volunteers");
        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("contactPerson", "{\"value\": \"  \"}"), "contactPerson");
        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("proposedActivities", rows("[]")), "proposedActivities");
        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("proposedActivities",
                rows("[{\"title\": \"周末课堂\"}, {\"title\": \"\", \"timing\": \"每月\"}]")), "proposedActivities[1].title");
        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("venues", rows("[{\"name\": \"\", \"capacity\": 50}]")),
                "venues[0].name");
        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("venues", rows("[{\"name\": \"操场\", \"capacity\": -5}]")),
                "venues[0].capacity");
        refused(AgreementProcess.ANSWER, LIAISON, resourcesJson("proposedActivitiesText", "{\"value\": \"周末课堂\"}"),
                "proposedActivitiesText");
        submitted(AgreementProcess.ANSWER, LIAISON, resourcesJson("venues", rows("[{\"name\": \"操场\", \"capacity\": 300}]")));
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "venues").toString())
                .isEqualTo("[{\"name\":\"操场\",\"capacity\":300}]");

        refused(AgreementProcess.REVIEW, SECRETARY, "{\"reviewDecision\": {\"value\": \"return\"}}", "reviewComments");
        refused(AgreementProcess.REVIEW, SECRETARY, "{\"reviewDecision\": {\"value\": \"maybe\"}}", "reviewDecision");
        submitted(AgreementProcess.REVIEW, SECRETARY, "{\"reviewDecision\": {\"value\": \"accept\"}}");

        refused(AgreementProcess.SIGN_AS_UNIT, LEADER, "{\"unitSigned\": {\"value\": false}}", "unitSigned");
        // someone outside the leader group who was handed the task still cannot sign for the unit
        Task sign = world.task(pi, AgreementProcess.SIGN_AS_UNIT);
        engine.getTaskService().setAssignee(sign.getId(), LIAISON);
        refused(AgreementProcess.SIGN_AS_UNIT, LIAISON, "{\"unitSigned\": {\"value\": true}}", "unitSigned");
        engine.getTaskService().setAssignee(sign.getId(), null);
        submitted(AgreementProcess.SIGN_AS_UNIT, LEADER, "{\"unitSigned\": {\"value\": true}}");
        submitted(AgreementProcess.SIGN_AS_COMMUNITY, SECRETARY, "{\"communitySigned\": {\"value\": true}}");

        refused(AgreementProcess.FILE, STREET, "{\"filingDecision\": {\"value\": \"return\"}}", "filingReason");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "filingDecision")).isNull();
    }

    @Test
    void onlyCommunityStaffMayStartAnAgreement() {
        ResponseEntity<String> liaison = rest.withBasicAuth(LIAISON, "demo").postForEntity(
                "/engine-rest/process-definition/key/agreement/submit-form", json("{\"variables\": {}}"), String.class);
        assertThat(liaison.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> staff = rest.withBasicAuth(STAFF, "demo").postForEntity(
                "/engine-rest/process-definition/key/agreement/submit-form", json("{\"variables\": {}}"), String.class);
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static final String NEEDS = "[{\"title\": \"关爱空巢老人\", \"description\": \"每月上门探访\"}]";

    /** A list of rows as an embedded form submits it: one Json variable. */
    private static String rows(String json) {
        return "{\"type\": \"Json\", \"value\": " + quote(json) + "}";
    }

    private static String draftJson(String unit, String start, String end, String needs) {
        return "{\"unitId\": {\"value\": \"" + unit + "\"}, \"termStart\": {\"value\": \"" + start + "\"},"
                + " \"termEnd\": {\"value\": \"" + end + "\"}, \"needs\": " + rows(needs) + "}";
    }

    private static String resourcesJson(String override, String value) {
        Map<String, String> fields = new HashMap<>();
        fields.put("venues", rows("[]"));
        fields.put("volunteers", "{\"value\": 20}");
        fields.put("expertise", "{\"value\": \"心理辅导\"}");
        fields.put("annualFunds", "{\"value\": 30000}");
        fields.put("contactPerson", "{\"value\": \"杨雪\"}");
        fields.put("contactPhone", "{\"value\": \"13900000000\"}");
        fields.put("proposedActivities", rows("[{\"title\": \"周末课堂\", \"timing\": \"每月第二个周六\"}]"));
        fields.put(override, value);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\": ").append(v));
        return json.append('}').toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void refused(String taskKey, String user, String variables, String field) {
        Task task = world.task(pi, taskKey);
        ResponseEntity<String> answer = submit(task, user, variables);
        assertThat(answer.getStatusCode()).as("%s on %s", field, taskKey).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).as("the message names the field").contains(field);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
    }

    private void submitted(String taskKey, String user, String variables) {
        ResponseEntity<String> answer = submit(world.task(pi, taskKey), user, variables);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<String> submit(Task task, String user, String variables) {
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                json("{\"variables\": " + variables + "}"), String.class);
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }
}
