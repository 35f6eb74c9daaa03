package org.gongjian;

import org.camunda.bpm.engine.RepositoryService;

/** Test-only models under src/test/resources/test-processes, deployed by the tests that use them. */
public final class TestProcesses {

    /** One task for the group in variable {@code unitGroup}, and a timer three days after the start. */
    public static final String REMINDER_TEST = "reminder-test";

    private TestProcesses() {
    }

    public static void deploy(RepositoryService repository) {
        repository.createDeployment()
                .name("gongjian-test-processes")
                .enableDuplicateFiltering(true)
                .addClasspathResource("test-processes/reminder-test.bpmn")
                .deploy();
    }
}
