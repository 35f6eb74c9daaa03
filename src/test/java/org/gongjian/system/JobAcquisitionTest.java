package org.gongjian.system;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.gongjian.GongjianTest;
import org.gongjian.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@GongjianTest
class JobAcquisitionTest {

    private static final String KEY = "jobAcquisitionTest";

    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;

    private String deployment;

    @AfterEach
    void removeTheModel() {
        configuration().setEnsureJobDueDateNotNull(true);
        configuration().setJobExecutorAcquireByDueDate(true);
        if (deployment != null) {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void theEngineAcquiresDueJobsByDueDateThroughAnIndexOnIt() throws Exception {
        assertThat(configuration().isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(configuration().isEnsureJobDueDateNotNull()).isTrue();
        assertThat(jobIndexes()).as("the indexes of ACT_RU_JOB").contains(JobAcquisition.INDEX.toLowerCase());
    }

    @Test
    void theLockedJobsHaveAnIndexOfTheirOwn() throws Exception {
        assertThat(jobIndexes()).as("the indexes of ACT_RU_JOB").contains(JobAcquisition.LOCKED_INDEX.toLowerCase());
    }

    @Test
    void postgresFindsTheLockedJobsOfAnAcquisitionThroughTheirIndex() throws Exception {
        assumeTrue(TestDatabase.postgres(), "a plan of PostgreSQL's");
        // the engine's acquisition (Job.xml, selectNextJobsToExecute) with Gongjian's settings
        String plan = TestDatabase.postgresPlan(dataSource, """
                SELECT RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
                  FROM ACT_RU_JOB RES
                 WHERE RES.RETRIES_ > 0 AND RES.DUEDATE_ <= LOCALTIMESTAMP
                   AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < LOCALTIMESTAMP) AND RES.SUSPENSION_STATE_ = 1
                   AND ((RES.EXCLUSIVE_ = TRUE AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2
                           WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND J2.EXCLUSIVE_ = TRUE
                             AND J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= LOCALTIMESTAMP))
                        OR RES.EXCLUSIVE_ = FALSE)
                 ORDER BY RES.DUEDATE_ ASC LIMIT 8""");
        assertThat(plan).contains(JobAcquisition.LOCKED_INDEX.toLowerCase())
                .contains(JobAcquisition.INDEX.toLowerCase());
    }

    @Test
    void everyNewJobHasADueDateAndOneFromBeforeTheSettingIsGivenOneAtStart() throws Exception {
        deployment = engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn",
                Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done()).deploy().getId();

        String withDueDate = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
        // the engine gives a job a due date when either setting is on
        configuration().setEnsureJobDueDateNotNull(false);
        configuration().setJobExecutorAcquireByDueDate(false);
        String without = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
        assertThat(job(withDueDate).getDuedate()).as("an async step's job, made with the setting").isNotNull();
        assertThat(job(without).getDuedate()).as("one made as before the setting").isNull();

        JobAcquisition.prepare(dataSource, TestDatabase.postgres(), true, true);

        assertThat(job(without).getDuedate()).as("given a due date, so that the acquisition by due date sees it").isNotNull();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(without).executable().count()).isOne();
        assertThat(jobIndexes()).as("made once, found the next time").contains(JobAcquisition.INDEX.toLowerCase());
    }

    private Job job(String processInstanceId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).singleResult();
    }

    private List<String> jobIndexes() throws Exception {
        return TestDatabase.indexes(dataSource, "ACT_RU_JOB");
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
