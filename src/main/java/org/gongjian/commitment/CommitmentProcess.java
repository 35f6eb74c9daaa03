package org.gongjian.commitment;

/** Keys of the {@code quarterly-commitment} process and the names of its variables. */
public final class CommitmentProcess {

    public static final String KEY = "quarterly-commitment";

    public static final String PREPARE_PROJECTS = "prepareProjects";
    public static final String SUBMIT_COMMITMENTS = "submitCommitments";
    public static final String APPROVE_COMMITMENTS = "approveCommitments";
    public static final String START_ACTIVITIES = "startActivities";
    public static final String QUARTER_ENDED = "quarterEnded";
    public static final String REPORT_QUARTER = "reportQuarter";

    /** At most this many activities in one quarter's commitments. */
    public static final int MAX_ACTIVITIES = 20;
    /** At most this many projects in one quarter's list. */
    public static final int MAX_PROJECTS = 30;
    /** The kind of an activity when the liaison names none. */
    public static final String DEFAULT_KIND = "志愿服务";
    /** The kinds a liaison chooses from; the commitments form offers the same list. */
    public static final java.util.List<String> KINDS = java.util.List.of(
            "志愿服务", "教育辅导", "关爱帮扶", "文体活动", "环境整治", "健康义诊", "党课学习", "其他");

    // started with (see org.gongjian.agreement.StartQuarterlyCommitmentDelegate)
    public static final String AGREEMENT_NUMBER = "agreementNumber";
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_NAME = "communityName";
    public static final String UNIT_ID = "unitId";
    public static final String UNIT_NAME = "unitName";
    public static final String SUPERVISOR_ID = "supervisorId";
    /** The agreement's needs: a JSON list of {title, description}. */
    public static final String NEEDS = "needs";
    /** e.g. 2027-Q1. */
    public static final String QUARTER = "quarter";
    /** yyyy-MM-dd. */
    public static final String QUARTER_START = "quarterStart";
    /** yyyy-MM-dd, the quarter's last day. */
    public static final String QUARTER_END = "quarterEnd";

    // set along the way
    /** The quarter's projects, rows community staff fill (offered from the needs): a JSON list of {title, description}. */
    public static final String PROJECTS = "projects";
    /** The committed activities, rows the liaison fills: a JSON list of {date, place, places, title, volunteers, hours, kind}. */
    public static final String ACTIVITIES = "activities";
    /** The quarter's fund instalment in CNY; none or 0 means no transfer. */
    public static final String FUND_INSTALMENT = "fundInstalment";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENTS = "approvalComments";
    public static final String APPROVE = "approve";
    public static final String RETURN = "return";

    private CommitmentProcess() {
    }
}
