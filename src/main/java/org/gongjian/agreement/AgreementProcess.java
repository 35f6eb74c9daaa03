package org.gongjian.agreement;

/** Keys of the {@code agreement} process and the names of its variables. */
public final class AgreementProcess {

    public static final String KEY = "agreement";
    public static final String QUARTERLY_COMMITMENT = "quarterly-commitment";
    public static final String TERMINATION_MESSAGE = "AgreementTerminationRequested";

    public static final String DRAFT = "draftAgreement";
    public static final String ANSWER = "answerWithResources";
    public static final String REVIEW = "reviewAgreement";
    public static final String SIGN_AS_UNIT = "signAgreementAsUnit";
    public static final String SIGN_AS_COMMUNITY = "signAgreementAsCommunity";
    public static final String FILE = "fileAgreement";

    /** The longest term an agreement may have. */
    public static final int MAX_TERM_YEARS = 3;
    /** At most this many rows in the needs, the venues and the proposed activities. */
    public static final int MAX_NEEDS = 30;
    public static final int MAX_VENUES = 20;
    public static final int MAX_PROPOSED_ACTIVITIES = 30;

    public static final String INITIATOR = "initiator";
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_NAME = "communityName";
    public static final String UNIT_ID = "unitId";
    public static final String UNIT_NAME = "unitName";
    public static final String UNIT_OPTIONS = "unitOptions";
    public static final String SUPERVISOR_ID = "supervisorId";
    public static final String TERM_START = "termStart";
    public static final String TERM_END = "termEnd";
    /** The community's needs, rows community staff fill: a JSON list of {title, description}. */
    public static final String NEEDS = "needs";
    /** The venues the unit offers, rows: a JSON list of {name, capacity}, capacity 0 when not said. */
    public static final String VENUES = "venues";
    public static final String VOLUNTEERS = "volunteers";
    public static final String EXPERTISE = "expertise";
    public static final String ANNUAL_FUNDS = "annualFunds";
    public static final String CONTACT_PERSON = "contactPerson";
    public static final String CONTACT_PHONE = "contactPhone";
    /** The activities the unit proposes, rows: a JSON list of {title, timing}. */
    public static final String PROPOSED_ACTIVITIES = "proposedActivities";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENTS = "reviewComments";
    public static final String UNIT_SIGNED = "unitSigned";
    public static final String COMMUNITY_SIGNED = "communitySigned";
    public static final String FILING_DECISION = "filingDecision";
    public static final String FILING_REASON = "filingReason";
    public static final String FILING_RETURN_REASON = "filingReturnReason";
    public static final String AGREEMENT_NUMBER = "agreementNumber";
    public static final String LAST_QUARTER_STARTED = "lastQuarterStarted";
    public static final String TERMINATION_REASON = "terminationReason";
    public static final String TERMINATED_BY = "terminatedBy";

    private AgreementProcess() {
    }
}
