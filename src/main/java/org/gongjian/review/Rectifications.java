package org.gongjian.review;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a failing unit will change and by when, until the community secretary verifies it done. */
@Repository
public class Rectifications {

    public static final String FAIL = "不合格";

    public record Rectification(long id, long reviewId, String unitId, String communityId, String state, String plan,
                                LocalDate dueOn, int returnedCount, String returnReason, Instant openedAt) {}

    /** An open rectification as the public board shows it: no person, only the unit and what it owes. */
    public record Public(String unitName, String period, String plan, LocalDate dueOn, String state) {}

    private final JdbcTemplate jdbc;
    private final ReviewSettings settings;
    private final Clock clock;

    Rectifications(JdbcTemplate jdbc, ReviewSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A 不合格 grade, or a final score below the configured line, needs a rectification. */
    public boolean needed(Reviews.Review review) {
        return FAIL.equals(review.finalGrade())
                || (review.finalScore() != null && review.finalScore().compareTo(settings.rectificationBelow()) < 0);
    }

    void open(long reviewId) {
        jdbc.update("""
                INSERT INTO rectification (review_id, unit_id, community_id, state, opened_at)
                SELECT id, unit_id, community_id, 'OPEN', ? FROM review r
                WHERE id = ? AND NOT EXISTS (SELECT 1 FROM rectification x WHERE x.review_id = r.id)""",
                Timestamp.from(clock.instant()), reviewId);
    }

    public Optional<Rectification> of(long reviewId) {
        return jdbc.query("SELECT * FROM rectification WHERE review_id = ?", (rs, i) -> new Rectification(rs.getLong("id"),
                rs.getLong("review_id"), rs.getString("unit_id"), rs.getString("community_id"), rs.getString("state"),
                rs.getString("plan"), rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate(),
                rs.getInt("returned_count"), rs.getString("return_reason"), rs.getTimestamp("opened_at").toInstant()),
                reviewId).stream().findFirst();
    }

    void planned(long reviewId, String plan, LocalDate dueOn, String by, Instant at) {
        jdbc.update("""
                UPDATE rectification SET plan = ?, due_on = ?, planned_by = ?, planned_at = ?, state = 'PLANNED'
                WHERE review_id = ?""", plan, Date.valueOf(dueOn), by, Timestamp.from(at), reviewId);
        jdbc.update("UPDATE review SET state = 'RECTIFICATION' WHERE id = ?", reviewId);
    }

    void verified(long reviewId, String by, Instant at) {
        jdbc.update("UPDATE rectification SET state = 'VERIFIED', verified_by = ?, verified_at = ? WHERE review_id = ?",
                by, Timestamp.from(at), reviewId);
        jdbc.update("UPDATE review SET state = 'DONE' WHERE id = ?", reviewId);
    }

    void returned(long reviewId, String reason) {
        jdbc.update("""
                UPDATE rectification SET state = 'OPEN', returned_count = returned_count + 1, return_reason = ?
                WHERE review_id = ?""", reason, reviewId);
    }

    /** The community's rectifications not yet verified, for its public board. */
    public List<Public> openIn(String communityId) {
        return jdbc.query("""
                SELECT v.unit_name, v.period, r.plan, r.due_on, r.state FROM rectification r JOIN review v ON v.id = r.review_id
                WHERE r.community_id = ? AND r.state IN ('OPEN', 'PLANNED') ORDER BY r.opened_at, r.id""",
                (rs, i) -> new Public(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getString(5)), communityId);
    }
}
