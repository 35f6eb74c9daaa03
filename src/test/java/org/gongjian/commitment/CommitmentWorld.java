package org.gongjian.commitment;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
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
        Object offered = engine.getRuntimeService().getVariable(pi.getId(), "projectsText");
        complete(pi, CommitmentProcess.PREPARE_PROJECTS, STAFF, Map.of("projectsText", offered));
    }

    void submit(ProcessInstance pi, String activitiesText, Object fundInstalment) {
        Map<String, Object> v = new HashMap<>();
        v.put("activitiesText", activitiesText);
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
