package org.gongjian.agreement;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.Spin;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.EngineWorld;

/**
 * The demo world's people acting on an agreement through the engine's Java API, each with their
 * own groups, so that the engine checks their authorizations as it would over REST.
 */
public final class AgreementWorld extends EngineWorld {

    static final String STAFF = "liuyang";          // 和平社区 党建专干
    static final String SECRETARY = "wangfang";     // 和平社区 书记
    static final String LIAISON = "yangxue";        // 新华第一实验小学 联络员
    static final String LEADER = "zhangjianguo";    // 新华第一实验小学 党组织书记
    static final String STREET = "lihua";           // 街道党工委
    static final String OTHER_LIAISON = "hulei";    // 国网新华供电所 联络员 (阳光社区)
    static final String SCHOOL = "school";

    public AgreementWorld(ProcessEngine engine) {
        super(engine);
    }

    /** A new negotiation for the school, once any agreement of the school in force has ended. */
    ProcessInstance start() {
        endAgreementsInForce(SCHOOL);
        return startAlongside();
    }

    /** A new negotiation, leaving any agreement in force as it is. */
    ProcessInstance startAlongside() {
        as(STAFF);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY);
        } finally {
            nobody();
        }
    }

    /** An agreement for the school that has just come into force, the way the process gets there. */
    public ProcessInstance activeAgreement(String start, String end) {
        return agreedAndFiled(start(), start, end);
    }

    /** A renewal for the school filed to succeed its agreement in force, which stays in force until its term ends. */
    public ProcessInstance renewal(String start, String end) {
        return agreedAndFiled(startAlongside(), start, end);
    }

    /** Drafted, answered, accepted, signed by both sides and filed: the negotiation as the process runs it. */
    ProcessInstance agreedAndFiled(ProcessInstance pi, String start, String end) {
        agreedAndSigned(pi, start, end);
        complete(pi, AgreementProcess.FILE, STREET, Map.of("filingDecision", "file"));
        return pi;
    }

    /** Drafted, answered, accepted and signed by both sides: waiting for the street committee to file it. */
    ProcessInstance agreedAndSigned(ProcessInstance pi, String start, String end) {
        complete(pi, AgreementProcess.DRAFT, STAFF, draft(SCHOOL, start, end));
        complete(pi, AgreementProcess.ANSWER, LIAISON, resources());
        complete(pi, AgreementProcess.REVIEW, SECRETARY, review("accept", null));
        complete(pi, AgreementProcess.SIGN_AS_UNIT, LEADER, Map.of("unitSigned", true));
        complete(pi, AgreementProcess.SIGN_AS_COMMUNITY, SECRETARY, Map.of("communitySigned", true));
        return pi;
    }

    static Map<String, Object> draft(String unitId, String start, String end) {
        Map<String, Object> v = new HashMap<>();
        v.put("unitId", unitId);
        v.put("termStart", start);
        v.put("termEnd", end);
        v.put("needs", Spin.JSON("[{\"title\": \"关爱空巢老人\", \"description\": \"每月上门探访\"},"
                + " {\"title\": \"青少年课后托管\", \"description\": \"\"}]"));
        return v;
    }

    static Map<String, Object> resources() {
        Map<String, Object> v = new HashMap<>();
        v.put("venues", Spin.JSON("[{\"name\": \"学校操场\", \"capacity\": 300}, {\"name\": \"多功能厅（周末开放）\", \"capacity\": \"\"}]"));
        v.put("volunteers", 20L);
        v.put("expertise", "青少年教育、心理辅导");
        v.put("annualFunds", 30000.0);
        v.put("contactPerson", "杨雪");
        v.put("contactPhone", "13900000000");
        v.put("proposedActivities", Spin.JSON("[{\"title\": \"周末课堂\", \"timing\": \"每月第二个周六\"}]"));
        return v;
    }

    static Map<String, Object> review(String decision, String comments) {
        Map<String, Object> v = new HashMap<>();
        v.put("reviewDecision", decision);
        v.put("reviewComments", comments);
        return v;
    }

}
