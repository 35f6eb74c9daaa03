package org.gongjian.agreement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person submitting a task's form through {@code /engine-rest} as Tasklist does, and the engine running a due job. */
final class ThroughRest {

    private ThroughRest() {
    }

    static void submit(ProcessEngine engine, TestRestTemplate rest, ProcessInstance pi, String taskKey, String user,
                       String variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                new HttpEntity<>("{\"variables\": " + variables + "}", headers), String.class);
        assertThat(answer.getStatusCode()).as(taskKey + ": " + answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    static void run(ProcessEngine engine, ProcessInstance pi, String activityId) {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
        assertThat(jobs).as("one job at " + activityId).hasSize(1);
        engine.getManagementService().executeJob(jobs.get(0).getId());
    }
}
