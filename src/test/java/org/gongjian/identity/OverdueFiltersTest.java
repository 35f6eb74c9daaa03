package org.gongjian.identity;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "我的逾期" and "逾期" together show what the one filter "assigned to me or offered to my groups,
 * past its due date" showed: a person's own overdue tasks, and the overdue tasks of the person's
 * groups whoever has claimed them. Each person's filters as Tasklist lists them.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class OverdueFiltersTest {

    static final String STAFF = "liuyang";      // 和平社区 党建专干
    static final String LIAISON = "yangxue";    // 新华第一实验小学 联络员
    static final String OUTSIDER = "linna";     // 市第二人民医院 党办主任, in no group of 和平社区

    @Autowired ProcessEngine engine;

    private ProcessInstance agreement;
    private Task draft;

    @BeforeEach
    void aDraftOfTheStaff() {
        engine.getIdentityService().setAuthentication(STAFF, groupsOf(STAFF));
        try {
            agreement = engine.getRuntimeService().startProcessInstanceByKey("agreement");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        draft = engine.getTaskService().createTaskQuery().processInstanceId(agreement.getId()).singleResult();
    }

    @AfterEach
    void noDraftLeft() {
        engine.getRuntimeService().deleteProcessInstance(agreement.getId(), "test over");
    }

    @Test
    void aTaskPastItsDueDateIsInItsAssigneesAndItsGroupsOverdueFilters() {
        assertThat(draft.getAssignee()).isEqualTo(STAFF);
        TestClock.at(draft.getDueDate().toInstant().plus(Duration.ofHours(1)));

        assertThat(listed(STAFF, "my-overdue")).contains(draft.getId());
        assertThat(listed(STAFF, "overdue")).contains(draft.getId());
        assertThat(listed(LIAISON, "my-overdue")).doesNotContain(draft.getId());
        assertThat(listed(LIAISON, "overdue")).doesNotContain(draft.getId());
    }

    @Test
    void aTaskHandedOnToSomeoneOutsideTheGroupStaysTheGroupsAndBecomesTheirs() {
        engine.getTaskService().delegateTask(draft.getId(), OUTSIDER);
        TestClock.at(draft.getDueDate().toInstant().plus(Duration.ofHours(1)));

        assertThat(listed(OUTSIDER, "my-overdue")).contains(draft.getId());
        assertThat(listed(OUTSIDER, "overdue")).doesNotContain(draft.getId());
        assertThat(listed(STAFF, "my-overdue")).doesNotContain(draft.getId());
        assertThat(listed(STAFF, "overdue")).as("claimed by someone else, still the group's").contains(draft.getId());
    }

    @Test
    void aTaskBeforeItsDueDateIsInNoOverdueFilter() {
        TestClock.at(draft.getDueDate().toInstant().minus(Duration.ofHours(1)));

        assertThat(listed(STAFF, "my-overdue")).doesNotContain(draft.getId());
        assertThat(listed(STAFF, "overdue")).doesNotContain(draft.getId());
        assertThat(listed(STAFF, "my-tasks")).contains(draft.getId());
    }

    /** The ids of the tasks the person's filter lists, signed in as the person. */
    private List<String> listed(String user, String filterKey) {
        String filter = engine.getFilterService().createFilterQuery().list().stream()
                .filter(f -> filterKey.equals(f.getProperties().get(RoleFilters.KEY)))
                .findFirst().orElseThrow().getId();
        engine.getIdentityService().setAuthentication(user, groupsOf(user));
        try {
            return engine.getFilterService().<Task>list(filter).stream().map(Task::getId).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<String> groupsOf(String user) {
        return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
}
