package org.gongjian.review;

/** Keys of the {@code performance-review} process, its tasks and its variables. */
public final class ReviewProcess {

    public static final String KEY = "performance-review";
    /** The decisions that turn a unit's figures into a score and a grade, and four quarters into a year's. */
    public static final String SCORE_DECISION = "unit-score";
    public static final String ANNUAL_SCORE_DECISION = "unit-score-annual";
    /** The message an objection filed on the public notice sends to its review. */
    public static final String OBJECTION_FILED = "reviewObjectionFiled";

    public static final String QUARTERLY = "QUARTERLY";
    public static final String ANNUAL = "ANNUAL";

    public static final String WRITE_SELF_REPORT = "writeSelfReport";
    public static final String ASSESS_UNIT = "assessUnit";
    public static final String RATE_UNIT = "rateUnit";
    public static final String CONFIRM_AT_MEETING = "confirmAtMeeting";
    public static final String APPROVE_REVIEW = "approveReview";
    public static final String ANSWER_OBJECTION = "answerObjection";
    public static final String ACKNOWLEDGE_RESULT = "acknowledgeResult";
    public static final String PLAN_RECTIFICATION = "planRectification";
    public static final String VERIFY_RECTIFICATION = "verifyRectification";

    // set by the process, read from the record
    public static final String REVIEW_ID = "reviewId";
    public static final String UNIT_ID = "unitId";
    public static final String UNIT_NAME = "unitName";
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_NAME = "communityName";
    public static final String PERIOD = "period";
    public static final String PERIOD_KIND = "periodKind";
    public static final String REVIEW_TEXT = "reviewText";
    /** The resident representatives asked to rate, one task each. */
    public static final String REPRESENTATIVES = "representatives";
    public static final String REPRESENTATIVE = "representative";
    public static final String OBJECTION_ID = "objectionId";
    public static final String OBJECTION_TEXT = "objectionText";
    public static final String OBJECTIONS_OPEN = "objectionsOpen";
    /** Whether the representatives have been asked in this review already: a second assessment does not ask again. */
    public static final String RATINGS_COLLECTED = "ratingsCollected";
    /** Whether the street committee upheld an objection filed during the notice that just closed. */
    public static final String OBJECTION_UPHELD = "objectionUpheld";
    public static final String NEEDS_RECTIFICATION = "needsRectification";
    public static final String RECTIFICATION_TEXT = "rectificationText";

    // the liaison's self-report
    public static final String SELF_REPORT = "selfReport";
    // the secretary's assessment
    public static final String ASSESSED_SCORE = "assessedScore";
    public static final String ASSESSMENT_REASON = "assessmentReason";
    // a representative's rating
    public static final String ABSTAIN = "abstain";
    public static final String STARS = "stars";
    public static final String RATING_COMMENT = "ratingComment";
    // the joint meeting's decision, recorded by the secretary
    public static final String MEETING_DECISION = "meetingDecision";
    public static final String MEETING_NOTE = "meetingNote";
    // the street committee's approval
    public static final String APPROVED = "approved";
    public static final String RETURN_REASON = "returnReason";
    // the answer to one objection
    public static final String UPHELD = "upheld";
    public static final String ANSWER = "answer";
    // the unit leader's acknowledgement
    public static final String ACKNOWLEDGED = "acknowledged";
    // the rectification
    public static final String PLAN = "plan";
    public static final String DUE_ON = "dueOn";
    public static final String VERIFIED = "verified";
    public static final String VERIFY_REASON = "verifyReason";

    private ReviewProcess() {
    }
}
