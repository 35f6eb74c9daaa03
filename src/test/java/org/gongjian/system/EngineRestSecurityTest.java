package org.gongjian.system;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.TestProcesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@GongjianTest
class EngineRestSecurityTest {

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    private final ObjectMapper json = new ObjectMapper();
    private ProcessInstance hospitalProcess;
    private Task hospitalTask;

    @BeforeEach
    void aTaskForTheHospitalsLiaison() {
        TestProcesses.deploy(repository);
        hospitalProcess = runtime.startProcessInstanceByKey(TestProcesses.REMINDER_TEST,
                Map.of("unitGroup", "unit-hospital-liaison"));
        hospitalTask = tasks.createTaskQuery().processInstanceId(hospitalProcess.getId()).singleResult();
    }

    @Test
    void withoutCredentialsTheRestApiAnswers401() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/engine-rest/process-instance", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aWrongPasswordGets401() {
        assertThat(rest.withBasicAuth("linna", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theUnitsOwnLiaisonSeesTheTask() throws Exception {
        ResponseEntity<String> own = rest.withBasicAuth("linna", "demo")
                .getForEntity("/engine-rest/task?processInstanceId=" + hospitalProcess.getId(), String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(own.getBody()).size()).isEqualTo(1);
    }

    @Test
    void anotherUnitsLiaisonSeesNeitherTheTaskNorTheProcess() throws Exception {
        TestRestTemplate school = rest.withBasicAuth("yangxue", "demo");

        ResponseEntity<String> list = school.getForEntity("/engine-rest/task?processInstanceId=" + hospitalProcess.getId(), String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(list.getBody()).size()).isZero();

        assertThat(school.getForEntity("/engine-rest/task/" + hospitalTask.getId(), String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(school.getForEntity("/engine-rest/task/" + hospitalTask.getId() + "/variables", String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

        ResponseEntity<String> instances = school.getForEntity("/engine-rest/process-instance?processInstanceIds="
                + hospitalProcess.getId(), String.class);
        assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(instances.getBody()).size()).isZero();
        assertThat(school.getForEntity("/engine-rest/process-instance/" + hospitalProcess.getId(), String.class).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherUnitsLiaisonCannotCompleteTheTask() {
        ResponseEntity<String> attempt = rest.withBasicAuth("yangxue", "demo")
                .postForEntity("/engine-rest/task/" + hospitalTask.getId() + "/complete", Map.of(), String.class);
        assertThat(attempt.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(tasks.createTaskQuery().taskId(hospitalTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void theStreetCommitteeSeesEveryUnitsProcess() throws Exception {
        ResponseEntity<String> instances = rest.withBasicAuth("lihua", "demo")
                .getForEntity("/engine-rest/process-instance?processInstanceIds=" + hospitalProcess.getId(), String.class);
        assertThat(json.readTree(instances.getBody()).size()).isEqualTo(1);
    }
}
