package org.gongjian.system;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.RuntimeService;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.TestProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GongjianTest
class DemoClockTest {

    @Autowired MockMvc mvc;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired DemoClock clock;
    @Autowired ProcessEngine engine;
    @Autowired NodeName node;

    @AfterEach
    void backToRealTime() {
        TestClock.reset();
        jdbc.update("DELETE FROM demo_clock");
        jdbc.update("DELETE FROM demo_clock_node");
    }

    @Test
    void movingTheClockPastATimerFiresIt() throws Exception {
        TestProcesses.deploy(repository);
        ProcessInstance pi = runtime.startProcessInstanceByKey(TestProcesses.REMINDER_TEST, Map.of("unitGroup", "unit-school-liaison"));

        mvc.perform(post("/demo-clock").param("days", "2").with(csrf()).with(user("demo").authorities(() -> CamundaUserAuthentication.ADMIN)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/demo-clock"));
        assertThat(timerFired(pi)).as("after two days").isFalse();

        mvc.perform(post("/demo-clock").param("days", "2").with(csrf()).with(user("demo").authorities(() -> CamundaUserAuthentication.ADMIN)))
                .andExpect(status().isFound());
        assertThat(timerFired(pi)).as("after four days").isTrue();
        assertThat(clock.offsetDays()).isEqualTo(4);
    }

    @Test
    void withTheJobExecutorRunningTheClockLeavesTheJobsToItAndWaits() {
        TestProcesses.deploy(repository);
        ProcessInstance pi = runtime.startProcessInstanceByKey(TestProcesses.REMINDER_TEST, Map.of("unitGroup", "unit-school-liaison"));
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        assertThat(executor).as("the engine has a job executor, off in tests").isNotNull();
        executor.start();
        try {
            DemoClock.Advance advance = clock.advance(4, "test");
            assertThat(timerFired(pi)).as("the executor fired the timer before the clock returned").isTrue();
            assertThat(advance.jobsRun()).isPositive();
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void theOffsetIsStoredAndRestored() {
        clock.advance(3, "test");
        TestClock.reset();
        clock.restore();
        assertThat(clock.offsetDays()).isEqualTo(3);
    }

    @Test
    void aMoveAnotherNodeStoredIsFollowedAndReported() {
        clock.advance(1, "test");
        long elsewhere = jdbc.queryForObject("SELECT offset_millis FROM demo_clock WHERE id = 1", Long.class)
                + java.time.Duration.ofDays(4).toMillis();
        jdbc.update("UPDATE demo_clock SET offset_millis = ?, moved_by = 'demo' WHERE id = 1", elsewhere);
        assertThat(clock.offsetDays()).as("not yet followed").isEqualTo(1);

        clock.follow();

        assertThat(clock.offsetDays()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT offset_millis FROM demo_clock_node WHERE node_name = ?", Long.class, node.value()))
                .as("this node reports the offset it runs on").isEqualTo(elsewhere);
    }

    @Test
    void aMoveThatFindsTheClockMovedElsewhereInTheMeantimeStops() {
        clock.advance(1, "test");
        // another node's move lands between this move's first and second day
        JdbcTemplate racing = new JdbcTemplate(jdbc.getDataSource()) {
            private int moves;

            @Override
            public int update(String sql, Object... args) {
                if (sql.startsWith("UPDATE demo_clock SET") && ++moves == 2) {
                    jdbc.update("UPDATE demo_clock SET offset_millis = offset_millis + 3600000 WHERE id = 1");
                }
                return super.update(sql, args);
            }
        };
        DemoClock here = new DemoClock(racing, engine.getManagementService(), engine, new EngineClock(java.time.ZoneId.of("Asia/Shanghai")),
                node, java.time.Duration.ZERO);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> here.advance(3, "demo"))
                .isInstanceOf(DemoClock.ConcurrentMoveException.class)
                .hasMessageContaining("moved by someone else at the same time");
        assertThat(clock.offsetDays()).as("stopped after its first day").isEqualTo(2);
    }

    @Test
    void badDaysAreRefusedWithAMessageAndMoveNothing() throws Exception {
        for (String days : new String[] {"0", "-3", "abc", "367", ""}) {
            mvc.perform(post("/demo-clock").param("days", days).with(csrf()).with(user("demo").authorities(() -> CamundaUserAuthentication.ADMIN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("1 到 366")));
        }
        assertThat(clock.offsetDays()).isZero();
    }

    @Test
    void onlyAnAdministratorMovesTheClock() throws Exception {
        mvc.perform(post("/demo-clock").param("days", "5").with(csrf()).with(user("yangxue").authorities(() -> "GROUP_unit-school-liaison")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/demo-clock")).andExpect(status().isFound());
        assertThat(clock.offsetDays()).isZero();
    }

    private boolean timerFired(ProcessInstance pi) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("timerFired").finished().count() == 1;
    }
}
