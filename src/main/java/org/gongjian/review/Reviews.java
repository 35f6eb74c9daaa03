package org.gongjian.review;

import java.math.BigDecimal;
import java.util.Map;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The record of every performance review: whose and which period, the computed score, what the people added, the
 * notice window and the result. The process reads parties, periods and scores from here, never from a form.
 */
@Repository
public class Reviews {

    public record Review(long id, String businessKey, String processInstanceId, String unitId, String unitName,
                         String communityId, String communityName, String agreementNumber, String period, String kind,
                         LocalDate periodStart, LocalDate periodEnd, String state, BigDecimal computedScore,
                         String computedGrade, String selfReport, BigDecimal assessedScore, String assessmentReason,
                         String meetingDecision, String meetingNote, int returnedCount, String returnReason,
                         BigDecimal finalScore, String finalGrade, Instant noticeFrom, Instant noticeUntil,
                         Instant finalAt, Instant letterSentAt, String acknowledgedBy, Instant acknowledgedAt,
                         Instant startedAt, Instant endedAt, String endReason) {

        public boolean annual() {
            return ReviewProcess.ANNUAL.equals(kind);
        }
    }

    /** A resident representative's part: missing until given, abstained, or stars. */
    public record Rating(long reviewId, String representativeId, String representativeName, String state,
                         Integer stars, String comment, Instant ratedAt) {}

    private final JdbcTemplate jdbc;

    Reviews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Review> find(long id) {
        return jdbc.query("SELECT * FROM review WHERE id = ?", Reviews::review, id).stream().findFirst();
    }

    public Review get(long id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no review " + id));
    }

    public Optional<Review> byBusinessKey(String businessKey) {
        return jdbc.query("SELECT * FROM review WHERE business_key = ?", Reviews::review, businessKey).stream().findFirst();
    }

    /** The unit's reviews, newest period first. */
    public List<Review> ofUnit(String unitId) {
        return jdbc.query("SELECT * FROM review WHERE unit_id = ? ORDER BY period DESC, id DESC", Reviews::review, unitId);
    }

    /** The community's reviews of one period, by unit. */
    public List<Review> ofCommunity(String communityId, String period) {
        return jdbc.query("SELECT * FROM review WHERE community_id = ? AND period = ? ORDER BY unit_name, id",
                Reviews::review, communityId, period);
    }

    /** Waits for any other start of the unit's reviews, so that one unit and period get one review. */
    void lockUnit(String unitId) {
        jdbc.query("SELECT id FROM unit WHERE id = ? FOR UPDATE", rs -> {}, unitId);
    }

    long open(String businessKey, String unitId, String unitName, String communityId, String communityName,
              String agreementNumber, String period, String kind, LocalDate start, LocalDate end, Instant at) {
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO review (business_key, unit_id, unit_name, community_id, community_name, agreement_number,
                        period, kind, period_start, period_end, state, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SELF_REPORT', ?)""", new String[] {"id"});
            ps.setString(1, businessKey);
            ps.setString(2, unitId);
            ps.setString(3, unitName);
            ps.setString(4, communityId);
            ps.setString(5, communityName);
            ps.setString(6, agreementNumber);
            ps.setString(7, period);
            ps.setString(8, kind);
            ps.setDate(9, Date.valueOf(start));
            ps.setDate(10, Date.valueOf(end));
            ps.setTimestamp(11, Timestamp.from(at));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void started(long id, String processInstanceId) {
        jdbc.update("UPDATE review SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    void state(long id, String state) {
        jdbc.update("UPDATE review SET state = ? WHERE id = ?", state, id);
    }

    /** The unit's quarterly reviews of the year, in order. */
    public List<Review> quartersOf(String unitId, String year) {
        return jdbc.query("""
                SELECT * FROM review WHERE unit_id = ? AND kind = 'QUARTERLY' AND period LIKE ? ORDER BY period""",
                Reviews::review, unitId, year + "-Q_");
    }

    /** A year's quarterly results of the unit: final where final, else as computed; quarters not reviewed left out. */
    public List<BigDecimal> quarterResults(String unitId, String year) {
        return jdbc.queryForList("""
                SELECT COALESCE(final_score, computed_score) FROM review
                WHERE unit_id = ? AND kind = 'QUARTERLY' AND period LIKE ? AND computed_score IS NOT NULL
                ORDER BY period""", BigDecimal.class, unitId, year + "-Q_");
    }

    void scored(long id, BigDecimal score, String grade) {
        jdbc.update("UPDATE review SET computed_score = ?, computed_grade = ? WHERE id = ?", score, grade, id);
    }

    /** The representatives asked to rate: each missing until rated or abstained. */
    void askRatings(long id, Map<String, String> representatives) {
        for (var r : representatives.entrySet()) {
            jdbc.update("""
                    INSERT INTO review_rating (review_id, representative_id, representative_name, state)
                    SELECT ?, ?, ?, 'MISSING' FROM review
                    WHERE id = ? AND NOT EXISTS (SELECT 1 FROM review_rating WHERE review_id = ? AND representative_id = ?)""",
                    id, r.getKey(), r.getValue(), id, id, r.getKey());
        }
    }

    void selfReported(long id, String report, String by, Instant at) {
        jdbc.update("""
                UPDATE review SET self_report = ?, self_reported_by = ?, self_reported_at = ?, state = 'ASSESSMENT'
                WHERE id = ?""", report, by, Timestamp.from(at), id);
    }

    void assessed(long id, BigDecimal score, String reason, String by, Instant at) {
        jdbc.update("""
                UPDATE review SET assessed_score = ?, assessment_reason = ?, assessed_by = ?, assessed_at = ?,
                    state = 'RATINGS' WHERE id = ?""", score, reason, by, Timestamp.from(at), id);
    }

    void rated(long id, String representative, Integer stars, String comment, Instant at) {
        jdbc.update("""
                UPDATE review_rating SET state = ?, stars = ?, comment = ?, rated_at = ?
                WHERE review_id = ? AND representative_id = ?""",
                stars == null ? "ABSTAINED" : "RATED", stars, comment, Timestamp.from(at), id, representative);
    }

    public List<Rating> ratings(long id) {
        return jdbc.query("SELECT * FROM review_rating WHERE review_id = ? ORDER BY representative_name, representative_id",
                (rs, i) -> new Rating(rs.getLong("review_id"), rs.getString("representative_id"),
                        rs.getString("representative_name"), rs.getString("state"), (Integer) rs.getObject("stars"),
                        rs.getString("comment"), instant(rs, "rated_at")), id);
    }

    void meetingConfirmed(long id, String decision, String note, String by, Instant at) {
        jdbc.update("""
                UPDATE review SET meeting_decision = ?, meeting_note = ?, confirmed_by = ?, confirmed_at = ?,
                    state = 'APPROVAL' WHERE id = ?""", decision, note, by, Timestamp.from(at), id);
    }

    void approved(long id, String by, Instant at) {
        jdbc.update("UPDATE review SET approved_by = ?, approved_at = ?, state = 'NOTICE' WHERE id = ?",
                by, Timestamp.from(at), id);
    }

    void returned(long id, String reason) {
        jdbc.update("""
                UPDATE review SET returned_count = returned_count + 1, return_reason = ?, state = 'ASSESSMENT'
                WHERE id = ?""", reason, id);
    }

    /**
     * An objection upheld on the notice sends the result back to the community with the street committee's answers
     * as its reason; it is not counted as a return of the approval step, and the notice stays on the board.
     */
    void reopened(long id, String reason) {
        jdbc.update("UPDATE review SET return_reason = ?, state = 'ASSESSMENT' WHERE id = ?", reason, id);
    }

    void finalised(long id, BigDecimal score, String grade, Instant at) {
        jdbc.update("UPDATE review SET final_score = ?, final_grade = ?, final_at = ?, state = 'FINAL' WHERE id = ?",
                score, grade, Timestamp.from(at), id);
    }

    void letterSent(long id, Instant at) {
        jdbc.update("UPDATE review SET letter_sent_at = ? WHERE id = ? AND letter_sent_at IS NULL", Timestamp.from(at), id);
    }

    void acknowledged(long id, String by, Instant at) {
        jdbc.update("UPDATE review SET acknowledged_by = ?, acknowledged_at = ?, state = 'ACKNOWLEDGED' WHERE id = ?",
                by, Timestamp.from(at), id);
    }

    /**
     * The reviews still running under an agreement that ended, and their open rectifications: ENDED, with its reason.
     * A result already final stays the result; only what was still to be done ends.
     */
    void endUnder(String agreementNumber, String reason, Instant at) {
        jdbc.update("""
                UPDATE rectification SET state = 'ENDED'
                WHERE state IN ('OPEN', 'PLANNED')
                  AND review_id IN (SELECT id FROM review WHERE agreement_number = ?)""", agreementNumber);
        jdbc.update("""
                UPDATE review SET state = 'ENDED', ended_at = ?, end_reason = ?
                WHERE agreement_number = ? AND state NOT IN ('DONE', 'ENDED')""", Timestamp.from(at), reason,
                agreementNumber);
    }

    private static Review review(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getLong("id"), rs.getString("business_key"), rs.getString("process_instance_id"),
                rs.getString("unit_id"), rs.getString("unit_name"), rs.getString("community_id"),
                rs.getString("community_name"), rs.getString("agreement_number"), rs.getString("period"),
                rs.getString("kind"), rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                rs.getString("state"), rs.getBigDecimal("computed_score"), rs.getString("computed_grade"),
                rs.getString("self_report"), rs.getBigDecimal("assessed_score"), rs.getString("assessment_reason"),
                rs.getString("meeting_decision"), rs.getString("meeting_note"), rs.getInt("returned_count"),
                rs.getString("return_reason"), rs.getBigDecimal("final_score"), rs.getString("final_grade"),
                instant(rs, "notice_from"), instant(rs, "notice_until"), instant(rs, "final_at"),
                instant(rs, "letter_sent_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("end_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
