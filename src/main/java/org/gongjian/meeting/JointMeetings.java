package org.gongjian.meeting;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gongjian.system.SqlLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The record of every joint meeting: its members and their answers, the agenda, the minutes and the
 * resolutions. The process reads parties, dates and resolutions from here, never from what a form sent.
 */
@Repository("jointMeetings")
public class JointMeetings {

    public static final String QUARTERLY = "QUARTERLY";
    public static final String EXTRA = "EXTRA";

    public record Meeting(long id, String businessKey, String communityId, String communityName, String quarter,
                          String kind, String purpose, String processInstanceId, String state, Instant meetingAt,
                          String place, Instant agendaClosesAt, Instant noticeAt, Instant noticeSentAt, String summary,
                          String minutesBy, Instant minutesAt) {}

    public record Member(long meetingId, String key, String kind, String partyId, String name, String answer,
                         String deputyName, String absenceReason, String attendance) {
        /** The member's option in a form's checklist and select: its key, shown by its name. */
        public String label() {
            return name;
        }
    }

    public record Item(long id, long meetingId, String memberKey, String title, String ask, String askedBy,
                       Long resolutionId, int carriedCount, String decision, Long mergedInto, String decisionReason,
                       Instant submittedAt) {
        public boolean carried() {
            return resolutionId != null;
        }
    }

    public record Resolution(long id, long meetingId, String communityId, String what, String ownerKind,
                             String ownerId, String ownerName, LocalDate deadline, String verification, String state,
                             String report, Instant reportedAt, int returnedCount, String returnReason, Instant doneAt,
                             Boolean doneOnTime, String processInstanceId) {}

    private final JdbcTemplate jdbc;

    JointMeetings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // the meeting

    /**
     * Waits for every other start of a meeting of the community to finish: two agreements of one
     * community reaching the quarter's start at the same moment open one meeting, not two.
     */
    void lockCommunity(String communityId) {
        jdbc.query("SELECT id FROM community WHERE id = ? FOR UPDATE", rs -> {}, communityId);
    }

    long call(String businessKey, String communityId, String communityName, String quarter, String kind,
              String purpose, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("""
                    INSERT INTO meeting (business_key, community_id, community_name, quarter, kind, purpose, state, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'CALLED', ?)""", new String[] {"id"});
            s.setString(1, businessKey);
            s.setString(2, communityId);
            s.setString(3, communityName);
            s.setString(4, quarter);
            s.setString(5, kind);
            s.setString(6, purpose);
            s.setTimestamp(7, Timestamp.from(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    void attach(long id, String processInstanceId) {
        jdbc.update("UPDATE meeting SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    public Optional<Meeting> find(long id) {
        return jdbc.query("SELECT * FROM meeting WHERE id = ?", (rs, i) -> meeting(rs), id).stream().findFirst();
    }

    public Optional<Meeting> byBusinessKey(String businessKey) {
        return jdbc.query("SELECT * FROM meeting WHERE business_key = ?", (rs, i) -> meeting(rs), businessKey)
                .stream().findFirst();
    }

    public Optional<Meeting> byProcess(String processInstanceId) {
        return jdbc.query("SELECT * FROM meeting WHERE process_instance_id = ?", (rs, i) -> meeting(rs),
                processInstanceId).stream().findFirst();
    }

    /** How many meetings the community has in a quarter: the next extra one's number. */
    int countIn(String communityId, String quarter) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM meeting WHERE community_id = ? AND quarter = ?",
                Integer.class, communityId, quarter);
    }

    /** The community's meetings, newest first. */
    public List<Meeting> ofCommunity(String communityId, int limit) {
        return jdbc.query("SELECT * FROM meeting WHERE community_id = ? ORDER BY created_at DESC, id DESC LIMIT " + limit,
                (rs, i) -> meeting(rs), communityId);
    }

    void schedule(long id, Instant meetingAt, String place, Instant agendaClosesAt, Instant noticeAt) {
        jdbc.update("""
                UPDATE meeting SET meeting_at = ?, place = ?, agenda_closes_at = ?, notice_at = ?, state = 'SCHEDULED'
                WHERE id = ?""", Timestamp.from(meetingAt), place, Timestamp.from(agendaClosesAt),
                Timestamp.from(noticeAt), id);
    }

    void moveTo(long id, String state) {
        jdbc.update("UPDATE meeting SET state = ? WHERE id = ?", state, id);
    }

    void noticeSent(long id, Instant at) {
        jdbc.update("UPDATE meeting SET notice_sent_at = ?, state = 'NOTICE_SENT' WHERE id = ?", Timestamp.from(at), id);
    }

    void recordMinutes(long id, String summary, String by, Instant at) {
        jdbc.update("UPDATE meeting SET summary = ?, minutes_by = ?, minutes_at = ?, state = 'HELD' WHERE id = ?",
                summary, by, Timestamp.from(at), id);
    }


    // the members

    void addMember(long meetingId, String key, String kind, String partyId, String name) {
        jdbc.update("""
                INSERT INTO meeting_member (meeting_id, member_key, member_kind, party_id, name) VALUES (?, ?, ?, ?, ?)""",
                meetingId, key, kind, partyId, name);
    }

    public List<Member> members(long meetingId) {
        return jdbc.query("""
                SELECT * FROM meeting_member WHERE meeting_id = ?
                ORDER BY CASE member_kind WHEN 'COMMUNITY' THEN 0 WHEN 'UNIT' THEN 1 ELSE 2 END, member_key""",
                (rs, i) -> member(rs), meetingId);
    }

    public Optional<Member> member(long meetingId, String key) {
        return jdbc.query("SELECT * FROM meeting_member WHERE meeting_id = ? AND member_key = ?",
                (rs, i) -> member(rs), meetingId, key).stream().findFirst();
    }

    void answer(long meetingId, String key, String answer, String deputyName, String reason, String by, Instant at) {
        jdbc.update("""
                UPDATE meeting_member SET answer = ?, deputy_name = ?, absence_reason = ?, answered_by = ?, answered_at = ?
                WHERE meeting_id = ? AND member_key = ?""",
                answer, deputyName, reason, by, Timestamp.from(at), meetingId, key);
    }

    void attendance(long meetingId, String key, String attendance) {
        jdbc.update("UPDATE meeting_member SET attendance = ? WHERE meeting_id = ? AND member_key = ?",
                attendance, meetingId, key);
    }

    // the agenda

    long propose(long meetingId, String memberKey, String title, String ask, String askedBy, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("""
                    INSERT INTO agenda_item (meeting_id, member_key, title, ask, asked_by, submitted_by, submitted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            s.setLong(1, meetingId);
            s.setString(2, memberKey);
            s.setString(3, title);
            s.setString(4, ask);
            s.setString(5, askedBy);
            s.setString(6, by);
            s.setTimestamp(7, Timestamp.from(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    public List<Item> agenda(long meetingId) {
        return jdbc.query("SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY resolution_id IS NULL, id",
                (rs, i) -> item(rs), meetingId);
    }

    /**
     * Puts every resolution of the community still open when this meeting's agenda closes on it, marked
     * carried over: each one once, counting the meetings it has been carried to so far. Returns how many.
     */
    int carryOver(long meetingId, String communityId, Instant at) {
        List<Resolution> open = jdbc.query("""
                SELECT * FROM meeting_resolution r
                WHERE r.community_id = ? AND r.state IN ('OPEN', 'REPORTED') AND r.meeting_id <> ?
                  AND NOT EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = ? AND a.resolution_id = r.id)
                ORDER BY r.id""", (rs, i) -> resolution(rs), communityId, meetingId, meetingId);
        for (Resolution r : open) {
            int carried = jdbc.queryForObject("SELECT COUNT(*) FROM agenda_item WHERE resolution_id = ?",
                    Integer.class, r.id()) + 1;
            jdbc.update("""
                    INSERT INTO agenda_item (meeting_id, member_key, title, ask, asked_by, resolution_id, carried_count,
                        submitted_by, submitted_at)
                    VALUES (?, NULL, ?, ?, ?, ?, ?, 'system', ?)""",
                    meetingId, shorten(r.what(), 200), r.what(), r.ownerName(), r.id(), carried, Timestamp.from(at));
        }
        return open.size();
    }

    void decide(long itemId, String decision, Long mergedInto, String reason) {
        jdbc.update("UPDATE agenda_item SET decision = ?, merged_into = ?, decision_reason = ? WHERE id = ?",
                decision, mergedInto, reason, itemId);
    }

    // the resolutions

    long resolve(long meetingId, String communityId, String what, String ownerKind, String ownerId, String ownerName,
                 LocalDate deadline, String verification, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("""
                    INSERT INTO meeting_resolution (meeting_id, community_id, what, owner_kind, owner_id, owner_name,
                        deadline, verification, state, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""", new String[] {"id"});
            s.setLong(1, meetingId);
            s.setString(2, communityId);
            s.setString(3, what);
            s.setString(4, ownerKind);
            s.setString(5, ownerId);
            s.setString(6, ownerName);
            s.setObject(7, deadline);
            s.setString(8, verification);
            s.setString(9, by);
            s.setTimestamp(10, Timestamp.from(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<Resolution> resolution(long id) {
        return jdbc.query("SELECT * FROM meeting_resolution WHERE id = ?", (rs, i) -> resolution(rs), id)
                .stream().findFirst();
    }

    public List<Resolution> resolutionsOf(long meetingId) {
        return jdbc.query("SELECT * FROM meeting_resolution WHERE meeting_id = ? ORDER BY id",
                (rs, i) -> resolution(rs), meetingId);
    }

    void resolutionStarted(long id, String processInstanceId) {
        jdbc.update("UPDATE meeting_resolution SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    void reported(long id, String report, Instant at) {
        jdbc.update("UPDATE meeting_resolution SET state = 'REPORTED', report = ?, reported_at = ? WHERE id = ?",
                report, Timestamp.from(at), id);
    }

    void returned(long id, String reason) {
        jdbc.update("""
                UPDATE meeting_resolution SET state = 'OPEN', return_reason = ?, returned_count = returned_count + 1
                WHERE id = ?""", reason, id);
    }

    void done(long id, Instant at, boolean onTime) {
        jdbc.update("UPDATE meeting_resolution SET state = 'DONE', done_at = ?, done_on_time = ? WHERE id = ?",
                Timestamp.from(at), onTime, id);
    }

    /** The process ids of the resolutions the unit owns in the community that are not done or ended yet. */
    Set<String> openResolutionProcesses(String communityId, String unitId) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                SELECT process_instance_id FROM meeting_resolution
                WHERE owner_kind = 'UNIT' AND owner_id = ? AND community_id = ? AND state IN ('OPEN', 'REPORTED')
                  AND process_instance_id IS NOT NULL ORDER BY id""", String.class, unitId, communityId));
    }

    /** The resolution's process was ended before it was done: its owner's agreement with the community ended. */
    void resolutionEnded(String processInstanceId) {
        jdbc.update("UPDATE meeting_resolution SET state = 'ENDED' WHERE process_instance_id = ? AND state <> 'DONE'",
                processInstanceId);
    }

    /** The resolution a {@code joint-meeting-resolution} process tracks. */
    Optional<Long> resolutionOf(String processInstanceId) {
        return jdbc.queryForList("SELECT id FROM meeting_resolution WHERE process_instance_id = ?", Long.class,
                processInstanceId).stream().findFirst();
    }

    /** How many meetings' agendas the resolution has been carried onto. */
    public int carriedCount(long resolutionId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM agenda_item WHERE resolution_id = ?", Integer.class, resolutionId);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(rs.getLong("id"), rs.getString("business_key"), rs.getString("community_id"),
                rs.getString("community_name"), rs.getString("quarter"), rs.getString("kind"), rs.getString("purpose"),
                rs.getString("process_instance_id"), rs.getString("state"), instant(rs, "meeting_at"),
                rs.getString("place"), instant(rs, "agenda_closes_at"), instant(rs, "notice_at"),
                instant(rs, "notice_sent_at"), rs.getString("summary"), rs.getString("minutes_by"),
                instant(rs, "minutes_at"));
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getLong("meeting_id"), rs.getString("member_key"), rs.getString("member_kind"),
                rs.getString("party_id"), rs.getString("name"), rs.getString("answer"), rs.getString("deputy_name"),
                rs.getString("absence_reason"), rs.getString("attendance"));
    }

    private static Item item(ResultSet rs) throws SQLException {
        long resolution = rs.getLong("resolution_id");
        Long resolutionId = rs.wasNull() ? null : resolution;
        long merged = rs.getLong("merged_into");
        Long mergedInto = rs.wasNull() ? null : merged;
        return new Item(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("member_key"), rs.getString("title"),
                rs.getString("ask"), rs.getString("asked_by"), resolutionId, rs.getInt("carried_count"),
                rs.getString("decision"), mergedInto, rs.getString("decision_reason"), instant(rs, "submitted_at"));
    }

    private static Resolution resolution(ResultSet rs) throws SQLException {
        return new Resolution(rs.getLong("id"), rs.getLong("meeting_id"), rs.getString("community_id"),
                rs.getString("what"), rs.getString("owner_kind"), rs.getString("owner_id"), rs.getString("owner_name"),
                rs.getObject("deadline", LocalDate.class), rs.getString("verification"), rs.getString("state"),
                rs.getString("report"), instant(rs, "reported_at"), rs.getInt("returned_count"),
                rs.getString("return_reason"), instant(rs, "done_at"), (Boolean) rs.getObject("done_on_time"),
                rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    // pages: what the meeting's page, the people's list of meetings and the public board read

    /** A resolution not done whose deadline has passed. */
    public static final String LATE = "LATE";

    /** The newest meetings of every community: the street committee's list. */
    public List<Meeting> newest(int limit) {
        return jdbc.query("SELECT * FROM meeting ORDER BY created_at DESC, id DESC LIMIT " + limit, (rs, i) -> meeting(rs));
    }

    /** The newest meetings of these communities, and of those in which one of these units sits as a member. */
    public List<Meeting> newestOf(Collection<String> communityIds, Collection<String> unitIds,
                                  int limit) {
        if (communityIds.isEmpty() && unitIds.isEmpty()) {
            return List.of();
        }
        List<Object> ids = new ArrayList<>(communityIds);
        ids.addAll(unitIds);
        return jdbc.query("SELECT * FROM meeting m WHERE m.community_id IN ("
                + SqlLists.placeholders(communityIds.size()) + ") OR EXISTS (SELECT 1 FROM meeting_member u"
                + " WHERE u.meeting_id = m.id AND u.member_kind = 'UNIT' AND u.party_id IN ("
                + SqlLists.placeholders(unitIds.size()) + "))"
                + " ORDER BY m.created_at DESC, m.id DESC LIMIT " + limit, (rs, i) -> meeting(rs), ids.toArray());
    }

    /** How many agendas each resolution of the meeting has been carried onto, by resolution id. */
    public Map<Long, Integer> carriedCounts(long meetingId) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("""
                SELECT r.id, COUNT(a.id) AS carried FROM meeting_resolution r LEFT JOIN agenda_item a ON a.resolution_id = r.id
                WHERE r.meeting_id = ? GROUP BY r.id""",
                rs -> {
                    counts.put(rs.getLong("id"), rs.getInt("carried"));
                }, meetingId);
        return counts;
    }

    /** A meeting as the public board shows it: when and where, and its resolutions; no person in it. */
    public record PublicMeeting(long id, Instant meetingAt, String place, String state, List<PublicResolution> resolutions) {
        public String stateWord() {
            return JointMeetings.stateWord(state);
        }
    }

    /** A resolution as the public board shows it: what, the organisation that owns it, by when, how it stands. */
    public record PublicResolution(String what, String ownerName, LocalDate deadline, String standing, int carried) {
        public String standingWord() {
            return JointMeetings.standingWord(standing);
        }
    }

    /** The community's latest meetings that have a date, newest first, for the public board. */
    public List<PublicMeeting> publicSummary(String communityId, int limit, LocalDate today) {
        List<Meeting> latest = jdbc.query("SELECT * FROM meeting WHERE community_id = ? AND meeting_at IS NOT NULL"
                + " ORDER BY meeting_at DESC, id DESC LIMIT " + limit, (rs, i) -> meeting(rs), communityId);
        return latest.stream().map(m -> new PublicMeeting(m.id(), m.meetingAt(), m.place(), m.state(), jdbc.query("""
                SELECT r.what, r.owner_name, r.deadline, r.state,
                       (SELECT COUNT(*) FROM agenda_item a WHERE a.resolution_id = r.id) AS carried
                FROM meeting_resolution r WHERE r.meeting_id = ? ORDER BY r.id""",
                (rs, i) -> new PublicResolution(rs.getString("what"), rs.getString("owner_name"),
                        rs.getObject("deadline", LocalDate.class), standing(rs.getString("state"),
                        rs.getObject("deadline", LocalDate.class), today), rs.getInt("carried")), m.id()))).toList();
    }

    /**
     * How a resolution stands on a day in the sub-district: DONE, ENDED, LATE (not done and its deadline
     * before the day) or OPEN (reported or not, still within its deadline).
     */
    public static String standing(String state, LocalDate deadline, LocalDate today) {
        return switch (state) {
            case "DONE", "ENDED" -> state;
            default -> deadline.isBefore(today) ? LATE : "OPEN";
        };
    }

    /**
     * The standing in words. A resolution ends undone only when its owner's agreement with the community ends
     * ({@link ResolutionsOfEndedAgreement}), and the word says so: the reader should not take it for a failure.
     */
    public static String standingWord(String standing) {
        return switch (standing) {
            case "DONE" -> "已落实 done";
            case "ENDED" -> "随协议结束 ended with the agreement";
            case LATE -> "已逾期 late";
            default -> "进行中 open";
        };
    }

    public static String stateWord(String state) {
        return switch (state) {
            case "CALLED" -> "已发起 called";
            case "SCHEDULED" -> "已定时间 scheduled";
            case "AGENDA_CLOSED" -> "议题已确定 agenda fixed";
            case "NOTICE_SENT" -> "已通知 notice sent";
            case "HELD" -> "已召开 held";
            case "MINUTES_RECORDED" -> "纪要已记录 minutes recorded";
            case "ENDED" -> "已终止 ended";
            default -> state;
        };
    }
}
