package org.gongjian.system;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.gongjian.system.EngineCommands.Kind;
import org.gongjian.system.EngineCommands.Submission;
import org.springframework.dao.DuplicateKeyException;

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
        if (signedIn() && !administrator()) {
            refuseTaskChanges(command);
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
        taskFields(submission.id()).ifPresent(fields -> refuseForeign(submission, fields, "此任务的表单", "this task's form"));
        try {
            return next.execute(command);
        } catch (FormFieldValidationException refused) {
            throw refused;
        } catch (AuthorizationException refused) {
            // the winner's completion removes the task's candidates, and with them the loser's permission
            throw wasItsCandidate(submission.id()) ? conflict(submission.id(), refused) : refused;
        } catch (RuntimeException e) {
            // a completion racing another can fail anywhere in the engine, even as a NullPointerException
            throw conflict(submission.id(), e);
        }
    }

    /**
     * The fields of the task's form, or empty if the task is gone. A task that someone else completes
     * while its form is read has no form left to check against; the engine's own "no such task" then
     * becomes the conflict, not a 400 that blames the submission. The read can fail in any way while
     * the winner's commit lands: the task row found, its execution already deleted, the engine's
     * authorization check stops at a NullPointerException.
     */
    private Optional<Set<String>> taskFields(String taskId) {
        try {
            return withoutAuthorization(() -> DeployedForms.ofTask(engine.getTaskService(), engine.getFormService(), taskId));
        } catch (RuntimeException e) {
            if (withoutAuthorization(() -> taskExists(taskId))) {
                throw e;
            }
            return Optional.empty();
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

    /**
     * A task's candidates may claim it and hand it on (TASK_ASSIGN), but the engine lets that same
     * permission save the whole task: its due date, name, priority, and its candidate groups. Those
     * are the process's; only an administrator changes them by hand.
     */
    private void refuseTaskChanges(Command<?> command) {
        if (EngineCommands.changesCandidates(command)) {
            throw new AuthorizationException("谁来办理任务由流程决定，不能增删候选人或候选组 (who works on a task is the process's "
                    + "decision: candidate users and groups cannot be changed)");
        }
        TaskEntity changed = EngineCommands.savedTask(command).orElse(null);
        if (changed == null || changed.getRevision() == 0 || changed.getProcessInstanceId() == null) {
            return;
        }
        TaskEntity stored = withoutAuthorization(() -> Context.getCommandContext().getTaskManager().findTaskById(changed.getId()));
        if (stored != null && !(Objects.equals(stored.getName(), changed.getName())
                && Objects.equals(stored.getDescription(), changed.getDescription())
                && Objects.equals(stored.getDueDate(), changed.getDueDate())
                && Objects.equals(stored.getFollowUpDate(), changed.getFollowUpDate())
                && stored.getPriority() == changed.getPriority()
                && Objects.equals(stored.getParentTaskId(), changed.getParentTaskId())
                && Objects.equals(stored.getCaseInstanceId(), changed.getCaseInstanceId())
                && Objects.equals(stored.getTenantId(), changed.getTenantId()))) {
            throw new AuthorizationException("任务的名称、期限和优先级由流程设定，只能认领、转交或完成 (a task's name, due date and "
                    + "priority are set by the process; you may claim, hand on or complete it)");
        }
    }

    /** Whether the signed-in person was the task's assignee or among its candidates, by the task's history. */
    private boolean wasItsCandidate(String taskId) {
        Authentication who = engine.getIdentityService().getCurrentAuthentication();
        if (who == null || who.getUserId() == null) {
            return false;
        }
        List<String> groups = who.getGroupIds() == null ? List.of() : who.getGroupIds();
        return withoutAuthorization(() -> engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId).list()
                .stream().anyMatch(link -> who.getUserId().equals(link.getUserId())
                        || (link.getGroupId() != null && groups.contains(link.getGroupId()))));
    }

    private boolean administrator() {
        Authentication who = engine.getIdentityService().getCurrentAuthentication();
        return who.getGroupIds() != null && who.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    /** Why the completion failed, in words: the task completed by someone else, or changed at the same moment. */
    private RuntimeException conflict(String taskId, RuntimeException e) {
        if (!withoutAuthorization(() -> taskExists(taskId))) {
            HistoricTaskInstance done = withoutAuthorization(() -> engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .taskId(taskId).singleResult());
            if (done != null && done.getEndTime() != null) {
                return EngineErrors.taskCompletedElsewhere(e);
            }
            return done == null ? EngineErrors.noSuchTask(e) : e;
        }
        // two submissions racing to insert the same record (one payment per request) meet at its unique key
        if (e instanceof OptimisticLockingException || e instanceof DuplicateKeyException
                || (e instanceof ProcessEngineException engineError && concurrency(engineError.getCode()))) {
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
