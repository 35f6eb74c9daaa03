package org.gongjian.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The fields of the Camunda Form a task or a start event shows, read from the deployed form
 * (not from the classpath: a running instance keeps the form it was deployed with). A field is
 * what form-js submits: a component's {@code key}, or the first part of a group's or a dynamic
 * list's {@code path}; texts, separators and buttons submit nothing.
 */
final class DeployedForms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "separator", "spacer", "button");

    private DeployedForms() {
    }

    /**
     * The fields of the task's form; none if the task has no Camunda Form. Asks first whether there
     * is one: a failed look-up inside the engine's transaction would mark it for rollback.
     */
    static Set<String> ofTask(TaskService tasks, FormService forms, String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null || task.getCamundaFormRef() == null) {
            return Set.of();
        }
        return fields(forms.getDeployedTaskForm(taskId));
    }

    /** The fields of the process definition's start form; none if it has none. */
    static Set<String> ofStart(FormService forms, String processDefinitionId) {
        if (processDefinitionId == null
                || forms.getStartFormData(processDefinitionId).getCamundaFormRef() == null) {
            return Set.of();
        }
        return fields(forms.getDeployedStartForm(processDefinitionId));
    }

    static Set<String> fields(InputStream form) {
        try (form) {
            Set<String> fields = new TreeSet<>();
            collect(JSON.readTree(form).path("components"), fields);
            return fields;
        } catch (IOException e) {
            throw new ProcessEngineException("A deployed form is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void collect(JsonNode components, Set<String> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
                // a group or dynamic list with a path submits one variable under the path's first part
                fields.add(root(component.path("path").asText()));
                continue;
            }
            if (component.hasNonNull("key") && !DISPLAY_ONLY.contains(type)) {
                fields.add(root(component.path("key").asText()));
            }
            collect(component.path("components"), fields);
        }
    }

    private static String root(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
