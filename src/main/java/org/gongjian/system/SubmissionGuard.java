package org.gongjian.system;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.gongjian.system.EngineCommands.Kind;
import org.gongjian.system.EngineCommands.Submission;

/**
 * The engine-level rule that a submission carries only its form's fields, and that a lost race
 * is a conflict. Sits before the engine's own interceptors, so every way in — {@code /engine-rest},
 * Tasklist, the Java API — passes it: a task completion ({@code complete}, {@code submit-form},
 * {@code resolve}) may carry only the keys of the task's form; a start by a signed-in person only
 * those of the start form. A process starting another process from its own delegate runs inside
 * a command already and is not a person's submission.
 *
 * <p>A completion that fails because someone else completed the task first (an optimistic
 * lock, a foreign key the winner's commit removed, or a task already gone) becomes
 * {@link EngineErrors#TASK_COMPLETED_ELSEWHERE}; {@link EngineErrorResponses} answers it with 409.
 */
final class SubmissionGuard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl engine;

    SubmissionGuard(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command);
        }
        Submission submission = EngineCommands.submission(command).orElse(null);
        if (submission == null || (submission.kind() == Kind.START && !signedIn())) {
            return next.execute(command);
        }
        if (submission.kind() == Kind.START) {
            refuseForeign(submission, withoutAuthorization(() -> DeployedForms.ofStart(engine.getFormService(),
                    definitionId(submission))), "发起表单", "the start form");
            return next.execute(command);
        }
        Set<String> fields = withoutAuthorization(() -> taskExists(submission.id())
                ? DeployedForms.ofTask(engine.getTaskService(), engine.getFormService(), submission.id()) : null);
        if (fields != null) {
            refuseForeign(submission, fields, "此任务的表单", "this task's form");
        }
        try {
            return next.execute(command);
        } catch (FormFieldValidationException | AuthorizationException refused) {
            throw refused;
        } catch (ProcessEngineException e) {
            throw conflict(submission.id(), e);
        }
    }

    private static void refuseForeign(Submission submission, Set<String> fields, String form, String formEn) {
        Set<String> foreign = new TreeSet<>(submission.variables());
        foreign.removeAll(fields);
        if (!foreign.isEmpty()) {
            String first = foreign.iterator().next();
            throw FormFields.invalid(first, "不是" + form + "的字段，不能提交 (not a field of " + formEn + "; only "
                    + fields + " may be submitted)");
        }
    }

    /** Why the completion failed, in words: the task completed by someone else, or changed at the same moment. */
    private ProcessEngineException conflict(String taskId, ProcessEngineException e) {
        if (!withoutAuthorization(() -> taskExists(taskId))) {
            HistoricTaskInstance done = withoutAuthorization(() -> engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .taskId(taskId).singleResult());
            if (done != null && done.getEndTime() != null) {
                return EngineErrors.taskCompletedElsewhere(e);
            }
            return done == null ? EngineErrors.noSuchTask(e) : e;
        }
        if (e instanceof OptimisticLockingException || concurrency(e.getCode())) {
            return EngineErrors.changedAtTheSameMoment(e);
        }
        return e;
    }

    private static boolean concurrency(int code) {
        return code == BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode()
                || code == BuiltinExceptionCode.DEADLOCK.getCode()
                || code == BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION.getCode();
    }

    private boolean signedIn() {
        return engine.getIdentityService().getCurrentAuthentication() != null;
    }

    private String definitionId(Submission start) {
        if (start.id() != null) {
            return start.id();
        }
        ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(start.definitionKey()).latestVersion().singleResult();
        return latest == null ? null : latest.getId();
    }

    private boolean taskExists(String taskId) {
        return Context.getCommandContext().getTaskManager().findTaskById(taskId) != null;
    }

    /** Runs the lookup in its own command with authorization checks off: the guard must see what the person may not. */
    private <T> T withoutAuthorization(Callable<T> lookup) {
        return next.execute((CommandContext context) -> {
            context.disableAuthorizationCheck();
            try {
                return lookup.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new ProcessEngineException(e);
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }
}
