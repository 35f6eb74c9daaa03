package org.gongjian;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's form submitted through {@code /engine-rest} as Tasklist sends it — lists as JSON, everything else as it
 * is — so that only the forms' fields and the server's checks stand between a person and the record.
 */
public final class FormSubmissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate rest;

    public FormSubmissions(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** Submits the task's form as the person; the answer must be 204. */
    public void submitted(Task task, String user, Map<String, Object> variables) {
        ResponseEntity<String> answer = submit(task, user, variables);
        assertThat(answer.getStatusCode().value()).as(task.getTaskDefinitionKey() + ": " + answer.getBody()).isEqualTo(204);
    }

    public ResponseEntity<String> submit(Task task, String user, Map<String, Object> variables) {
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                new HttpEntity<>(body(variables), json()), String.class);
    }

    /** Submits a start form of the process as the person. */
    public ResponseEntity<String> start(String processKey, String user, Map<String, Object> variables) {
        return rest.withBasicAuth(user, "demo").postForEntity(
                "/engine-rest/process-definition/key/" + processKey + "/submit-form",
                new HttpEntity<>(body(variables), json()), String.class);
    }

    /** The message of an error answer. */
    public static String message(ResponseEntity<String> answer) {
        return read(answer.getBody()).path("message").asText();
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static String body(Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> wrapped = new HashMap<>();
            if (value instanceof List<?> list) {
                wrapped.put("value", write(list));
                wrapped.put("type", "Json");
            } else {
                wrapped.put("value", value);
            }
            typed.put(name, wrapped);
        });
        return write(Map.of("variables", typed));
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
