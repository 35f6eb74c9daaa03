package org.gongjian;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The demo world's people acting through the engine's Java API, each with their own groups, so
 * that the engine checks their authorizations as it would over REST; and time-driven steps run
 * by hand, since the job executor is off in tests.
 */
public class EngineWorld {

    protected final ProcessEngine engine;

    protected EngineWorld(ProcessEngine engine) {
        this.engine = engine;
    }

    public void as(String user) {
        IdentityService identity = engine.getIdentityService();
        identity.clearAuthentication();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
    }

    public void nobody() {
        engine.getIdentityService().clearAuthentication();
    }

    public Task task(ProcessInstance pi, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    /** Completes the process's open task as the person, with what their form submits. */
    public void complete(ProcessInstance pi, String key, String user, Map<String, Object> variables) {
        Task task = task(pi, key);
        if (task == null) {
            throw new AssertionError("no open task " + key);
        }
        as(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            nobody();
        }
    }

    /**
     * Ends, the way the application does, every agreement of the unit still in force: a pending expiry or termination
     * runs, an agreement in force is terminated (the message its page sends, then the termination step). The tests
     * share one database, and only one agreement per community and unit may be in force at a time.
     */
    public void endAgreementsInForce(String unitId) {
        for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("agreement")
                .variableValueEquals("unitId", unitId).list()) {
            if (engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                    .eventName("AgreementTerminationRequested").count() > 0) {
                engine.getRuntimeService().createMessageCorrelation("AgreementTerminationRequested")
                        .processInstanceId(pi.getId())
                        .setVariable("terminatedBy", "lihua")
                        .setVariable("terminationReason", "测试前结束本单位生效中的协议 (ended before the next test's agreement)")
                        .correlate();
            }
            for (String step : List.of("terminateAgreement", "expireAgreement")) {
                for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(step).list()) {
                    engine.getManagementService().executeJob(job.getId());
                }
            }
        }
    }

    /** The one job of the activity (a timer, or an async step). */
    public Job job(ProcessInstance pi, String activityId) {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).list();
        if (jobs.size() != 1) {
            throw new AssertionError("expected one job at " + activityId + ", found " + jobs.size());
        }
        return jobs.get(0);
    }

    /** Runs the one job of the activity now. */
    public void run(ProcessInstance pi, String activityId) {
        engine.getManagementService().executeJob(job(pi, activityId).getId());
    }
}
