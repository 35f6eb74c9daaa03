package org.gongjian.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.gongjian.system.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The review's public side in the record: its notice window, the reviews a community's board shows, and the
 * representatives' ratings the unit's page lists.
 */
@Repository
class ReviewNotices {

    /** A representative's rating of the unit: MISSING until given, ABSTAINED, or RATED with 1–5 stars. */
    record Rating(String representativeName, String state, Integer stars, String comment, Instant ratedAt) {}

    private final JdbcTemplate jdbc;
    private final Reviews reviews;

    ReviewNotices(JdbcTemplate jdbc, Reviews reviews) {
        this.jdbc = jdbc;
        this.reviews = reviews;
    }

    /** The notice opens: the result stands on the board from {@code from} until {@code until}. */
    void open(long reviewId, Instant from, Instant until) {
        int updated = jdbc.update("UPDATE review SET notice_from = ?, notice_until = ?, state = 'NOTICE' WHERE id = ?",
                Timestamp.from(from), Timestamp.from(until), reviewId);
        if (updated != 1) {
            throw new IllegalStateException("no review " + reviewId);
        }
    }

    /** Waits for any other objection or answer to the same review, so that the count of open ones stays true. */
    Reviews.Review lock(long reviewId) {
        jdbc.query("SELECT id FROM review WHERE id = ? FOR UPDATE", rs -> {}, reviewId);
        return reviews.get(reviewId);
    }

    /** The community's reviews whose result has been put on notice, the latest notice first. */
    Page<Reviews.Review> published(String communityId, int page, int size) {
        long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM review WHERE community_id = ? AND notice_from IS NOT NULL", Long.class, communityId);
        return Page.of(page, size, total, (limit, offset) -> jdbc.queryForList("""
                        SELECT id FROM review WHERE community_id = ? AND notice_from IS NOT NULL
                        ORDER BY notice_from DESC, id DESC LIMIT ? OFFSET ?""", Long.class, communityId, limit, offset)
                .stream().map(reviews::get).toList());
    }

    /** The periods the community's units were reviewed in, the latest first. */
    List<String> periods(String communityId) {
        return jdbc.queryForList("SELECT DISTINCT period FROM review WHERE community_id = ? ORDER BY period DESC",
                String.class, communityId);
    }

    List<Rating> ratings(long reviewId) {
        return jdbc.query("""
                SELECT representative_name, state, stars, comment, rated_at FROM review_rating
                WHERE review_id = ? ORDER BY representative_name, representative_id""",
                (rs, i) -> {
                    Timestamp at = rs.getTimestamp("rated_at");
                    int stars = rs.getInt("stars");
                    return new Rating(rs.getString("representative_name"), rs.getString("state"),
                            rs.wasNull() ? null : stars, rs.getString("comment"), at == null ? null : at.toInstant());
                }, reviewId);
    }
}
