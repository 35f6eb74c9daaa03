package org.gongjian.access;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.gongjian.EngineWorld;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.ForeignVariables.refusedThenValidAccepted;
import static org.gongjian.access.AccessProcess.*;

/** The gate's steps take only their forms' fields over REST: nobody writes the request, the list's verdict or the community. */
@GongjianTest
@ExtendWith(TestClock.class)
class OnlyFormFieldsReachTheGateTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired AccessRequests requests;
    @Autowired JdbcTemplate jdbc;

    @Test
    void noStepCanWriteTheVerdictTheFundingOrTheCommunity() throws Exception {
        EngineWorld world = new EngineWorld(engine) {};
        Map<String, Object> v = new HashMap<>();
        v.put(WORK_TYPE, "census");
        v.put(TITLE, "经济普查入户登记");
        v.put(HOURS, 80L);
        v.put(PEOPLE, 4L);
        LocalDate today = LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai"));
        v.put(PERIOD_START, today.toString());
        v.put(PERIOD_END, today.plusDays(30).toString());
        v.put(FUNDING, "6000");
        world.as("dengchao");
        ProcessInstance pi = engine.getFormService().submitStartForm(engine.getRepositoryService()
                .createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId(), v);
        world.nobody();

        refusedThenValidAccepted(engine, rest, task(pi), "dengchao",
                Map.of(COMMUNITIES, Spin.JSON("[\"heping\"]").toString()), FUNDING, "1");
        refusedThenValidAccepted(engine, rest, task(pi), "lihua",
                Map.of(ACCESS_DECISION, "approve", DECISION_REASON, ""), STREET_APPROVAL, false);
        refusedThenValidAccepted(engine, rest, task(pi), "wangfang",
                Map.of(WORK_ANSWER, "accept", ANSWER_REASON, ""), COMMUNITY_ID, "yangguang");
        long id = jdbc.queryForObject("SELECT id FROM access_request WHERE process_instance_id = ?", Long.class, pi.getId());
        assertThat(requests.find(id).orElseThrow().fundingPerCommunity()).isEqualByComparingTo("6000");
        assertThat(requests.community(id, "heping").orElseThrow().state()).isEqualTo("ACCEPTED");
    }

    private Task task(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }
}
