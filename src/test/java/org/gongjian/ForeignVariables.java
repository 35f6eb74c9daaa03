package org.gongjian;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's valid submission through {@code /engine-rest} with one variable more than its form
 * has: refused with 400 naming that variable, the task still open and every process variable as
 * it was; then the same submission without it goes through, so it was the foreign variable alone.
 */
public final class ForeignVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForeignVariables() {
    }

    public static void refusedThenValidAccepted(ProcessEngine engine, TestRestTemplate rest, Task task, String user,
                                                Map<String, Object> valid, String foreign, Object foreignValue) throws Exception {
        Map<String, String> before = variables(engine, task.getProcessInstanceId());
        Map<String, Object> withForeign = new HashMap<>(valid);
        withForeign.put(foreign, foreignValue);

        ResponseEntity<String> refused = submit(rest, task, user, withForeign);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(refused.getBody()).path("message").asText()).as("names the variable").contains(foreign)
                .contains("not a field");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(variables(engine, task.getProcessInstanceId())).as("nothing changed").isEqualTo(before);

        ResponseEntity<String> accepted = submit(rest, task, user, valid);
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    public static ResponseEntity<String> submit(TestRestTemplate rest, Task task, String user, Map<String, Object> variables)
            throws Exception {
        Map<String, Object> typed = new HashMap<>();
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            String name = variable.getKey();
            Object value = variable.getValue();
            Map<String, Object> wrapped = new HashMap<>();
            if (value instanceof org.camunda.spin.json.SpinJsonNode list) {
                // as an embedded form sends its rows: a Json variable
                wrapped.put("value", list.toString());
                wrapped.put("type", "Json");
            } else if (value instanceof org.camunda.bpm.engine.variable.value.FileValue file) {
                // as the evidence form sends a photo: base64 content, named and typed, transient
                wrapped.put("value", java.util.Base64.getEncoder().encodeToString(file.getValue().readAllBytes()));
                wrapped.put("type", "File");
                wrapped.put("valueInfo", Map.of("filename", file.getFilename(), "mimeType", file.getMimeType(),
                        "transient", file.isTransient()));
            } else {
                wrapped.put("value", value);
            }
            typed.put(name, wrapped);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                new HttpEntity<>(JSON.writeValueAsString(Map.of("variables", typed)), headers), String.class);
    }

    public static Map<String, String> variables(ProcessEngine engine, String processInstanceId) {
        Map<String, String> values = new TreeMap<>();
        engine.getRuntimeService().getVariables(processInstanceId).forEach((k, v) -> values.put(k, String.valueOf(v)));
        return values;
    }
}
