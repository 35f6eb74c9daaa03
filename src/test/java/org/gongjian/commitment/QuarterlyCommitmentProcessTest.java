package org.gongjian.commitment;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.GongjianTest;
import org.gongjian.escalation.EscalationLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quarter's commitments as far as they go for now: one task, checked, with its ladder. */
@GongjianTest
class QuarterlyCommitmentProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired EscalationLog escalations;

    ProcessInstance cycle;
    Task submit;

    @BeforeEach
    void aQuarterHasStarted() {
        cycle = engine.getRuntimeService().startProcessInstanceByKey("quarterly-commitment", "GJ-TEST-" + System.nanoTime() + "/2027-Q1",
                Map.of("agreementNumber", "GJ-TEST", "unitId", "school", "unitName", "新华第一实验小学",
                        "communityId", "heping", "communityName", "和平社区", "supervisorId", "education",
                        "quarter", "2027-Q1", "quarterStart", "2027-01-01", "quarterEnd", "2027-03-31"));
        submit = engine.getTaskService().createTaskQuery().processInstanceId(cycle.getId()).singleResult();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void activitiesOutsideTheQuarterOrWithoutPlacesAreRefused() {
        assertThatThrownBy(() -> engine.getTaskService().complete(submit.getId(),
                Map.of("activitiesText", "2027-04-02，社区活动室，30，周末课堂")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("activitiesText[0].date");
        assertThatThrownBy(() -> engine.getTaskService().complete(submit.getId(),
                Map.of("activitiesText", "2027-01-16，社区活动室，0，周末课堂")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("activitiesText[0].places");
        assertThatThrownBy(() -> engine.getTaskService().complete(submit.getId(),
                Map.of("activitiesText", "2027-01-16，社区活动室，30，周末课堂", "fundInstalment", -5)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("fundInstalment");
        assertThat(engine.getTaskService().createTaskQuery().taskId(submit.getId()).count()).isEqualTo(1);

        engine.getTaskService().complete(submit.getId(), Map.of(
                "activitiesText", "2027-01-16，社区活动室，30，周末课堂，5，2\n2027-03-05, 学校操场, 50, 学雷锋志愿服务",
                "fundInstalment", 7500));
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cycle.getId())
                .variableName("activities").singleResult().getValue().toString()).contains("周末课堂", "学雷锋志愿服务", "学校操场");
    }

    @Test
    void aLateCommitmentGoesToTheUnitLeaderAtFifteenDaysAndTheStreetCommitteeAtTwentyTwo() {
        assertThat(submit.getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(15))), 60_000);
        Instant created = submit.getCreateTime().toInstant();
        ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofDays(15))));
        run("submitCommitments_escalation1Due");
        run("escalate_submitCommitments_escalation1");
        ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofDays(22))));
        run("submitCommitments_escalation2Due");
        run("escalate_submitCommitments_escalation2");
        assertThat(escalations.forTask(submit.getId()))
                .extracting(EscalationLog.Entry::notifiedRole, EscalationLog.Entry::recipients)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unit-leader", "张建国（党支部书记、校长）"),
                        org.assertj.core.groups.Tuple.tuple("street-committee", "李华（党工委副书记）、周敏（党建办主任）"));
    }

    private void run(String activityId) {
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(cycle.getId()).activityId(activityId).singleResult().getId());
    }
}
