package org.gongjian.funds;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.EngineWorld;
import org.gongjian.TestClock;

import static org.gongjian.funds.FundTransferProcess.*;

/** The demo world's payers, finance and the community moving fund transfers on. */
class FundWorld extends EngineWorld {

    static final String UNIT_LEADER = "zhangjianguo";
    static final String DEPARTMENT = "dengchao";
    static final String STREET = "lihua";
    static final String STREET_2 = "zhoumin";
    static final String FINANCE = "qianli";
    static final String SECRETARY = "wangfang";

    FundWorld(ProcessEngine engine) {
        super(engine);
    }

    static LocalDate today() {
        return LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Shanghai"));
    }

    static String newKey() {
        return "GJ-F" + System.nanoTime() + "/2027-Q1" + FUNDS_SUFFIX;
    }

    /** The school's quarterly instalment to 和平社区, started the way the quarterly commitment starts it. */
    ProcessInstance instalment(String businessKey, String amount) {
        Map<String, Object> v = new HashMap<>();
        v.put(KIND, "INSTALMENT");
        v.put(AGREEMENT_NUMBER, businessKey.substring(0, businessKey.indexOf('/')));
        v.put(QUARTER, "2027-Q1");
        v.put(COMMUNITY_ID, "heping");
        v.put(COMMUNITY_NAME, "和平社区");
        v.put(UNIT_ID, "school");
        v.put(UNIT_NAME, "新华第一实验小学");
        v.put(SUPERVISOR_ID, "education");
        v.put(AMOUNT, amount);
        v.put(PURPOSE, "新华第一实验小学 2027-Q1 季度共建经费");
        v.put(DUE_DATE, today().plusDays(30).toString());
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey, v);
    }

    /** 区民政局's payment to 和平社区 for work accepted through the gate, started as the gate starts it. */
    ProcessInstance departmentPayment(String businessKey, String department, String amount) {
        Map<String, Object> v = new HashMap<>();
        v.put(KIND, "DEPARTMENT_PAYMENT");
        v.put(DEPARTMENT_ID, department);
        v.put(ACCESS_REQUEST_ID, 42L);
        v.put(COMMUNITY_ID, "heping");
        v.put(AMOUNT, amount);
        v.put(PURPOSE, "高龄津贴入户核查工作经费");
        v.put(DUE_DATE, today().plusDays(30).toString());
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey, v);
    }

    /** The street committee's grant, started from Tasklist's start form. */
    ProcessInstance grant(String purpose) {
        as(STREET);
        try {
            return engine.getFormService().submitStartForm(engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(KEY).latestVersion().singleResult().getId(), Map.of(PURPOSE, purpose));
        } finally {
            nobody();
        }
    }

    void approve(ProcessInstance pi, String payer) {
        complete(pi, APPROVE_TRANSFER, payer, Map.of(APPROVAL, "approve", REFUSAL_REASON, ""));
    }

    void transfer(ProcessInstance pi, String voucher, String amount) {
        complete(pi, TRANSFER_FUNDS, FINANCE, Map.of(VOUCHER_NUMBER, voucher, TRANSFERRED_AMOUNT, amount,
                TRANSFER_DATE, today().toString()));
    }

    void receive(ProcessInstance pi, String amount) {
        complete(pi, CONFIRM_RECEIPT, SECRETARY, Map.of(RECEIVED_AMOUNT, amount, RECEIVED_ON, today().toString()));
    }
}
