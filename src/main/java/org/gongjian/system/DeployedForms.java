package org.gongjian.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.task.Task;

/**
 * The fields of the form a task or a start event shows, read from the deployed form (not from
 * the classpath: a running instance keeps the form it was deployed with).
 *
 * <p>In a Camunda Form a field is what form-js submits: a component's {@code key}, or the first
 * part of a group's or a dynamic list's {@code path}; texts, separators and buttons submit
 * nothing. An embedded form ({@code embedded:deployment:forms/….html}) names what it submits on
 * its form element, {@code <form data-fields="activities fundInstalment">}, because its script
 * creates the variables that no input is bound to; inputs bound with {@code cam-variable-name}
 * count as well.
 */
final class DeployedForms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDED = "embedded:deployment:";
    private static final Pattern DECLARED = Pattern.compile("<form[^>]*\\sdata-fields=\"([^\"]*)\"");
    private static final Pattern BOUND = Pattern.compile("cam-variable-name=\"([A-Za-z_][A-Za-z0-9_]*)\"");
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "separator", "spacer", "button");

    private DeployedForms() {
    }

    /**
     * The fields of the task's form (none if the task has no form of its own), or empty if there is
     * no such task: unknown, or completed by someone else a moment ago. Asks first whether there is
     * a form: a failed look-up inside the engine's transaction would mark it for rollback.
     */
    static Optional<Set<String>> ofTask(TaskService tasks, FormService forms, String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return Optional.empty();
        }
        if (task.getCamundaFormRef() != null) {
            return Optional.of(fields(forms.getDeployedTaskForm(taskId)));
        }
        return Optional.of(embedded(task.getFormKey()) ? embeddedFields(forms.getDeployedTaskForm(taskId)) : Set.of());
    }

    /** The fields of the process definition's start form; none if it has none. */
    static Set<String> ofStart(FormService forms, String processDefinitionId) {
        if (processDefinitionId == null) {
            return Set.of();
        }
        StartFormData start = forms.getStartFormData(processDefinitionId);
        if (start.getCamundaFormRef() != null) {
            return fields(forms.getDeployedStartForm(processDefinitionId));
        }
        return embedded(start.getFormKey()) ? embeddedFields(forms.getDeployedStartForm(processDefinitionId)) : Set.of();
    }

    private static boolean embedded(String formKey) {
        return formKey != null && formKey.startsWith(EMBEDDED);
    }

    static Set<String> embeddedFields(InputStream form) {
        try (form) {
            String html = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> fields = new TreeSet<>();
            Matcher declared = DECLARED.matcher(html);
            if (declared.find()) {
                for (String name : declared.group(1).trim().split("[\\s,]+")) {
                    if (!name.isEmpty()) {
                        fields.add(name);
                    }
                }
            }
            Matcher bound = BOUND.matcher(html);
            while (bound.find()) {
                fields.add(bound.group(1));
            }
            return fields;
        } catch (IOException e) {
            throw new ProcessEngineException("A deployed form cannot be read: " + e.getMessage(), e);
        }
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
