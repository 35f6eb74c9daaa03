package org.gongjian.activity;

/**
 * Keys of the {@code activity} process and the variables it is started with. The quarterly
 * commitment starts one instance per approved activity, with business key
 * {@code <agreementNumber>/<quarter>/<n>} and the variables below.
 */
public final class ActivityProcess {

    public static final String KEY = "activity";
    public static final String CANCEL_MESSAGE = "ActivityCancelled";

    public static final String PUBLISH = "publishActivity";
    public static final String SUBMIT_EVIDENCE = "submitEvidence";
    public static final String VERIFY_EVIDENCE = "verifyEvidence";

    // started with: the agreement's parties and the committed activity
    public static final String AGREEMENT_NUMBER = "agreementNumber";
    public static final String QUARTER = "quarter";
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_NAME = "communityName";
    public static final String UNIT_ID = "unitId";
    public static final String UNIT_NAME = "unitName";
    public static final String SUPERVISOR_ID = "supervisorId";
    public static final String TITLE = "title";
    public static final String KIND = "kind";
    /** yyyy-MM-dd, inside the quarter. */
    public static final String DATE = "date";
    public static final String PLACE = "place";
    public static final String PLACES = "places";
    public static final String VOLUNTEERS = "volunteers";
    public static final String HOURS = "hours";

    // set along the way
    public static final String ACTIVITY_ID = "activityId";
    /** The end of the committed day: an activity still unpublished then is missed. */
    public static final String PUBLISH_BY = "publishBy";
    public static final String START_TIME = "startTime";
    public static final String SIGNUP_CLOSES_HOURS = "signupClosesHours";
    public static final String DESCRIPTION = "description";
    public static final String STARTS_AT = "startsAt";
    public static final String ENDS_AT = "endsAt";
    public static final String REMIND_AT = "remindAt";
    public static final String EVIDENCE_SUMMARY = "evidenceSummary";
    /** Who came, as rows {name, note}: prefilled from the check-ins, completed by the liaison. */
    public static final String ATTENDANCE = "attendance";
    public static final int MAX_ATTENDANCE = 2000;
    /** The photos the evidence already holds (after a return), for the form to show: rows {id, fileName, sizeBytes}. */
    public static final String EVIDENCE_PHOTOS = "evidencePhotos";
    /** Ids of photos the evidence already holds that the liaison takes out. */
    public static final String REMOVED_PHOTOS = "removedPhotos";
    /** New photos arrive as transient File variables photo1, photo2, … up to EvidencePhotos.MAX_PER_ACTIVITY. */
    public static final String PHOTO = "photo";
    public static final String VERIFY_DECISION = "verifyDecision";
    public static final String VERIFY_REASON = "verifyReason";
    public static final String CANCEL_REASON = "cancelReason";
    public static final String CANCELLED_BY = "cancelledBy";

    private ActivityProcess() {
    }
}
