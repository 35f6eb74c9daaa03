package org.gongjian.meeting;

/** Keys of the {@code joint-meeting} and {@code joint-meeting-resolution} processes and their variables. */
public final class MeetingProcess {

    public static final String KEY = "joint-meeting";
    public static final String RESOLUTION_KEY = "joint-meeting-resolution";

    public static final String SCHEDULE_MEETING = "scheduleMeeting";
    public static final String PROPOSE_AGENDA = "proposeAgenda";
    public static final String FIX_AGENDA = "fixAgenda";
    public static final String ANSWER_INVITATION = "answerInvitation";
    public static final String RECORD_MINUTES = "recordMinutes";
    public static final String RECORD_RESOLUTION = "recordResolution";
    public static final String REPORT_RESOLUTION = "reportResolution";
    public static final String CONFIRM_RESOLUTION = "confirmResolution";
    /** The service-level rows of the meeting's own dates, counted back from the meeting. */
    public static final String MEETING_DATES = "jointMeeting";

    // set by the process, read from the record
    public static final String MEETING_ID = "meetingId";
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_NAME = "communityName";
    public static final String QUARTER = "quarter";
    /** The multi-instance element: one member of the meeting, e.g. {@code unit:school}. */
    public static final String MEMBER = "member";
    public static final String MEMBER_NAME = "memberName";
    public static final String MEETING_TEXT = "meetingText";
    public static final String AGENDA_TEXT = "agendaText";
    public static final String AGENDA_OPTIONS = "agendaOptions";
    public static final String MEMBER_OPTIONS = "memberOptions";
    public static final String OWNER_OPTIONS = "ownerOptions";
    public static final String ANSWERS_TEXT = "answersText";
    public static final String MINUTES_TAKER = "minutesTaker";

    // an extra meeting's start form
    public static final String PURPOSE = "purpose";
    // the secretary's schedule
    public static final String MEETING_DATE = "meetingDate";
    public static final String MEETING_TIME = "meetingTime";
    public static final String PLACE = "place";
    // a member's agenda item
    public static final String NO_ITEM = "noItem";
    public static final String ITEM_TITLE = "itemTitle";
    public static final String ITEM_ASK = "itemAsk";
    public static final String ASKED_BY = "askedBy";
    public static final String MORE_ITEMS = "moreItems";
    // the secretary fixing the agenda
    public static final String DEFERRED_ITEMS = "deferredItems";
    public static final String DEFER_REASON = "deferReason";
    public static final String MERGED_ITEMS = "mergedItems";
    public static final String MERGE_INTO = "mergeInto";
    public static final String MERGE_REASON = "mergeReason";
    // a member's answer to the notice
    public static final String ATTENDANCE_ANSWER = "attendanceAnswer";
    public static final String DEPUTY_NAME = "deputyName";
    public static final String ABSENCE_REASON = "absenceReason";
    // the minutes
    public static final String PRESENT_MEMBERS = "presentMembers";
    public static final String DEPUTY_MEMBERS = "deputyMembers";
    public static final String SUMMARY = "summary";
    public static final String HAS_RESOLUTIONS = "hasResolutions";
    // one resolution
    public static final String RESOLUTION_WHAT = "resolutionWhat";
    public static final String RESOLUTION_OWNER = "resolutionOwner";
    public static final String RESOLUTION_DEADLINE = "resolutionDeadline";
    public static final String RESOLUTION_VERIFICATION = "resolutionVerification";
    public static final String MORE_RESOLUTIONS = "moreResolutions";
    // the resolution's own process
    public static final String RESOLUTION_ID = "resolutionId";
    public static final String OWNER_GROUP = "ownerGroup";
    /** The owner's head, the ladder's first rung: the unit's leader, or the community's secretary. */
    public static final String OWNER_LEADER_GROUP = "ownerLeaderGroup";
    public static final String RESOLUTION_TEXT = "resolutionText";
    public static final String REPORT = "report";
    public static final String RESOLUTION_DECISION = "resolutionDecision";
    public static final String RETURN_REASON = "returnReason";
    public static final String RESOLUTION_DONE = "resolutionDone";

    private MeetingProcess() {
    }
}
