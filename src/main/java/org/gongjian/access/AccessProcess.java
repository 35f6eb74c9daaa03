package org.gongjian.access;

/** Keys of the {@code community-access} process and its variables. */
public final class AccessProcess {

    public static final String KEY = "community-access";
    public static final String DECISION = "community-access";

    public static final String CHOOSE_COMMUNITIES = "chooseCommunities";
    public static final String CHECK_ACCESS_LIST = "checkAccessList";
    public static final String APPROVE_ACCESS = "approveAccess";
    public static final String ACCEPT_WORK = "acceptWork";
    public static final String START_DEPARTMENT_PAYMENT = "startDepartmentPayment";

    // the department's start form
    /** A work type of the access list ({@code bpmn/community-access.dmn}). */
    public static final String WORK_TYPE = "workType";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    /** Hours of work per community, and how many of its people it takes. */
    public static final String HOURS = "hours";
    public static final String PEOPLE = "people";
    public static final String PERIOD_START = "periodStart";
    public static final String PERIOD_END = "periodEnd";
    /** Yuan per community, as the decimal's string. */
    public static final String FUNDING = "fundingPerCommunity";

    // set by the process
    public static final String ACCESS_REQUEST_ID = "accessRequestId";
    public static final String DEPARTMENT_ID = "departmentId";
    public static final String DEPARTMENT_NAME = "departmentName";
    public static final String COMMUNITY_OPTIONS = "communityOptions";
    /** The access list's answer, and what the process made of it. */
    public static final String ACCESS_LIST = "accessList";
    public static final String ADMITTED = "admitted";
    public static final String STREET_APPROVAL = "streetApproval";
    public static final String GATE_REASON = "gateReason";
    public static final String ACCESS_GRANTED = "accessGranted";

    // the department's choice of communities (a checklist: a JSON list of community ids)
    public static final String COMMUNITIES = "communities";

    // the street committee
    public static final String ACCESS_DECISION = "accessDecision";
    public static final String DECISION_REASON = "decisionReason";

    // the community's secretary; the community is the multi-instance element variable
    public static final String COMMUNITY_ID = "communityId";
    public static final String WORK_ANSWER = "workAnswer";
    public static final String ANSWER_REASON = "answerReason";

    private AccessProcess() {
    }
}
