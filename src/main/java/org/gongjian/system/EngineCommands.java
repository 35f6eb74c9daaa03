package org.gongjian.system;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * What a person submits to the engine, read from the engine's own commands: the task or the
 * process definition, and the names of the variables sent with it. The commands keep these in
 * protected fields without getters, so they are read here, in the one class that knows the
 * engine's command internals (a move to Operaton keeps the same names).
 */
final class EngineCommands {

    enum Kind { TASK, START }

    /** A task completion or a start with variables; {@code definitionKey} is null for a start by id. */
    record Submission(Kind kind, String id, String definitionKey, Set<String> variables) {}

    private EngineCommands() {
    }

    static Optional<Submission> submission(Command<?> command) {
        // CompleteTaskCmd also covers ResolveTaskCmd (the end of a delegation, which may carry variables)
        if (command instanceof CompleteTaskCmd) {
            return Optional.of(new Submission(Kind.TASK, field(command, CompleteTaskCmd.class, "taskId"), null,
                    keys(field(command, CompleteTaskCmd.class, "variables"))));
        }
        if (command instanceof SubmitTaskFormCmd) {
            return Optional.of(new Submission(Kind.TASK, field(command, SubmitTaskFormCmd.class, "taskId"), null,
                    keys(field(command, SubmitTaskFormCmd.class, "properties"))));
        }
        if (command instanceof SubmitStartFormCmd) {
            return Optional.of(new Submission(Kind.START, field(command, SubmitStartFormCmd.class, "processDefinitionId"),
                    null, keys(field(command, SubmitStartFormCmd.class, "variables"))));
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = field(command, StartProcessInstanceCmd.class, "instantiationBuilder");
            return Optional.of(new Submission(Kind.START, builder.getProcessDefinitionId(),
                    builder.getProcessDefinitionKey(), keys(builder.getVariables())));
        }
        return Optional.empty();
    }

    /** A change to who may work on a task: its candidate users and groups. */
    static boolean changesCandidates(Command<?> command) {
        return command instanceof AddUserIdentityLinkCmd || command instanceof AddGroupIdentityLinkCmd
                || command instanceof DeleteUserIdentityLinkCmd || command instanceof DeleteGroupIdentityLinkCmd;
    }

    /** The task a {@code saveTask} writes (Tasklist's and the REST API's task update), with its new properties. */
    static Optional<TaskEntity> savedTask(Command<?> command) {
        return command instanceof SaveTaskCmd ? Optional.ofNullable(field(command, SaveTaskCmd.class, "task")) : Optional.empty();
    }

    private static Set<String> keys(Object variables) {
        return variables instanceof Map<?, ?> map ? Set.copyOf(map.keySet().stream().map(String::valueOf).toList()) : Set.of();
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object command, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The engine's " + declaring.getSimpleName() + " has no field '" + name
                    + "': the submission guard must be adapted to this engine version", e);
        }
    }
}
