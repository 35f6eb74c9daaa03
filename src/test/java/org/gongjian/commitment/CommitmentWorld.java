package org.gongjian.commitment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.gongjian.EngineWorld;

/**
 * The demo world's people working on one quarter of an agreement through the engine's Java API,
 * each with their own groups, so that the engine checks their authorizations.
 */
final class CommitmentWorld extends EngineWorld {

    static final String STAFF = "liuyang";          // 和平社区 党建专干
    static final String LIAISON = "yangxue";        // 新华第一实验小学 联络员
    static final String FINANCE = "qianli";         // 街道财政所

    private static int next;

    CommitmentWorld(ProcessEngine engine) {
        super(engine);
    }

    /** A fresh agreement number, so that tests sharing the database never meet. */
    static synchronized String agreementNumber() {
        return "GJ-T" + System.nanoTime() % 1_000_000_000L + "-" + (++next);
    }

    /** The variables the agreement starts a quarter with, for the school in Heping, 2027-Q1. */
    static Map<String, Object> quarter(String agreementNumber) {
        Map<String, Object> v = new HashMap<>();
        v.put("agreementNumber", agreementNumber);
        v.put("unitId", "school");
        v.put("unitName", "新华第一实验小学");
        v.put("communityId", "heping");
        v.put("communityName", "和平社区");
        v.put("supervisorId", "education");
        v.put("needs", Spin.JSON("[{\"title\":\"关爱空巢老人\",\"description\":\"每月上门探访\"},"
                + "{\"title\":\"青少年课后托管\",\"description\":\"\"}]"));
        v.put("quarter", "2027-Q1");
        v.put("quarterStart", "2027-01-01");
        v.put("quarterEnd", "2027-03-31");
        return v;
    }

    ProcessInstance start(String agreementNumber) {
        return engine.getRuntimeService().startProcessInstanceByKey(CommitmentProcess.KEY,
                agreementNumber + "/2027-Q1", quarter(agreementNumber));
    }

    /** Community staff publish the projects as offered. */
    void prepare(ProcessInstance pi) {
        Object offered = engine.getRuntimeService().getVariable(pi.getId(), "projects");
        complete(pi, CommitmentProcess.PREPARE_PROJECTS, STAFF, Map.of("projects", offered));
    }

    /** One row of the commitments form as a person fills it: date, place, places and title; the rest left empty. */
    static Map<String, Object> activity(String date, String place, Object places, String title) {
        return activity(date, place, places, title, "", "", "");
    }

    static Map<String, Object> activity(String date, String place, Object places, String title, Object volunteers,
                                        Object hours, String kind) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", date);
        row.put("place", place);
        row.put("places", places);
        row.put("title", title);
        row.put("volunteers", volunteers);
        row.put("hours", hours);
        row.put("kind", kind);
        return row;
    }

    /** The rows as the form submits them: one JSON variable. */
    @SafeVarargs
    static SpinJsonNode rows(Map<String, Object>... rows) {
        return rows(List.of(rows));
    }

    static SpinJsonNode rows(List<Map<String, Object>> rows) {
        try {
            return Spin.JSON(new ObjectMapper().writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The two activities most tests commit: a weekend class with everything filled, a volunteer day with the least. */
    static SpinJsonNode twoActivities() {
        return rows(activity("2027-01-16", "社区活动室", 30, "周末课堂", 5, 2, "教育辅导"),
                activity("2027-03-05", "学校操场", 50, "学雷锋志愿服务"));
    }

    void submit(ProcessInstance pi, SpinJsonNode activities, Object fundInstalment) {
        Map<String, Object> v = new HashMap<>();
        v.put("activities", activities);
        v.put("fundInstalment", fundInstalment);
        complete(pi, CommitmentProcess.SUBMIT_COMMITMENTS, LIAISON, v);
    }

    void decide(ProcessInstance pi, String decision, String comments) {
        Map<String, Object> v = new HashMap<>();
        v.put("approvalDecision", decision);
        v.put("approvalComments", comments);
        complete(pi, CommitmentProcess.APPROVE_COMMITMENTS, STAFF, v);
    }

    long instances(String processKey, String businessKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).count();
    }
}
