package org.gongjian.system;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Checks what a person submitted with a user task's form, as the task's {@code end} execution
 * listener. The engine also ends a task that is interrupted — a cancellation, an overdue timer,
 * an operator — and nothing was submitted then, so nothing is checked.
 */
public abstract class SubmittedFormListener implements ExecutionListener {

    @Override
    public final void notify(DelegateExecution execution) {
        if (!execution.isCanceled()) {
            submitted(execution);
        }
    }

    /** The signed-in person who submitted the form, or {@code system} for a step the engine completed. */
    protected static String submitter(DelegateExecution execution) {
        var who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return who == null ? "system" : who.getUserId();
    }

    /** Checks the submission with {@link FormFields} and records it; a refusal rolls it all back. */
    protected abstract void submitted(DelegateExecution execution);
}
