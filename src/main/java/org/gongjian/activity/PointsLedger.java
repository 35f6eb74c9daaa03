package org.gongjian.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.gongjian.system.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only points ledger. Entries are only ever inserted: a correction is a reversal, a
 * new entry with the opposite points that names the entry it cancels, and an entry can be
 * reversed once. A balance is always the sum of the entries. Posting is idempotent by the
 * entry's key, so a retried job never posts twice.
 */
@Repository
public class PointsLedger {

    public static final String UNIT = "UNIT";
    public static final String PERSON = "PERSON";

    private final JdbcTemplate jdbc;

    PointsLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, String entryKey, String accountType, String accountId, String accountName,
                        String communityId, Long activityId, int points, String reason, Long reverses, Instant postedAt,
                        String postedBy) {

        public boolean reversal() {
            return reverses != null;
        }
    }

    /** Something to post: whose account, how many points, why. */
    public record Posting(String entryKey, String accountType, String accountId, String accountName, String communityId,
                          Long activityId, int points, String reason) {}

    /** Posts the entry unless one with the same key exists; true if it was posted now. */
    @Transactional
    public boolean post(Posting p, String by, Instant at) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE entry_key = ?", Integer.class, p.entryKey());
        if (existing != null && existing > 0) {
            return false;
        }
        insert(p, null, by, at);
        return true;
    }

    /** Reverses one entry with a new entry of the opposite points; false if it was already reversed. */
    @Transactional
    public boolean reverse(long entryId, String reason, String by, Instant at) {
        Entry original = jdbc.query("SELECT * FROM points_entry WHERE id = ?", PointsLedger::entry, entryId).stream()
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no points entry " + entryId));
        if (original.reversal()) {
            throw new IllegalArgumentException("entry " + entryId + " is itself a reversal; post a new entry instead");
        }
        Integer reversed = jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE reverses = ?", Integer.class, entryId);
        if (reversed != null && reversed > 0) {
            return false;
        }
        try {
            insert(new Posting("reversal:" + entryId, original.accountType(), original.accountId(), original.accountName(),
                    original.communityId(), original.activityId(), -original.points(), reason), entryId, by, at);
            return true;
        } catch (DuplicateKeyException raced) {
            return false; // reversed at the same moment by someone else: once is enough
        }
    }

    /** Reverses every entry of the activity that still stands; returns how many were reversed. */
    @Transactional
    public int reverseActivity(long activityId, String reason, String by, Instant at) {
        int n = 0;
        for (Entry e : standing(activityId)) {
            if (reverse(e.id(), reason, by, at)) {
                n++;
            }
        }
        return n;
    }

    /** The activity's entries that are neither reversals nor reversed. */
    public List<Entry> standing(long activityId) {
        return jdbc.query("""
                SELECT * FROM points_entry e WHERE e.activity_id = ? AND e.reverses IS NULL
                AND NOT EXISTS (SELECT 1 FROM points_entry r WHERE r.reverses = e.id) ORDER BY e.id""",
                PointsLedger::entry, activityId);
    }

    public int balance(String accountType, String accountId) {
        Integer sum = jdbc.queryForObject("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE account_type = ? AND account_id = ?",
                Integer.class, accountType, accountId);
        return sum == null ? 0 : sum;
    }

    public List<Entry> entries(String accountType, String accountId) {
        return jdbc.query("SELECT * FROM points_entry WHERE account_type = ? AND account_id = ? ORDER BY id",
                PointsLedger::entry, accountType, accountId);
    }

    public List<Entry> ofActivity(long activityId) {
        return jdbc.query("SELECT * FROM points_entry WHERE activity_id = ? ORDER BY id", PointsLedger::entry, activityId);
    }

    /** One page of the community's entries, newest first, reversals included, for the public board. */
    public Page<Entry> ofCommunity(String communityId, int page, int size) {
        return Page.of(page, size, count("SELECT COUNT(*) FROM points_entry WHERE community_id = ?", communityId),
                (limit, offset) -> jdbc.query("SELECT * FROM points_entry WHERE community_id = ? ORDER BY id DESC LIMIT " + limit
                        + " OFFSET " + offset, PointsLedger::entry, communityId));
    }

    /** One page of the activity's entries, oldest first. */
    public Page<Entry> ofActivity(long activityId, int page, int size) {
        return Page.of(page, size, count("SELECT COUNT(*) FROM points_entry WHERE activity_id = ?", activityId),
                (limit, offset) -> jdbc.query("SELECT * FROM points_entry WHERE activity_id = ? ORDER BY id LIMIT " + limit
                        + " OFFSET " + offset, PointsLedger::entry, activityId));
    }

    public record Total(String accountType, String accountId, String accountName, int points) {}

    /** The accounts with the highest balances within a community (a top list: its length is the point). */
    public List<Total> totals(String communityId, String accountType, int limit) {
        return totals(communityId, accountType, 1, Math.max(1, Math.min(limit, 500))).rows();
    }

    /** One page of each account's balance within a community, highest first. */
    public Page<Total> totals(String communityId, String accountType, int page, int size) {
        long accounts = count("SELECT COUNT(DISTINCT account_id) FROM points_entry WHERE community_id = ? AND account_type = ?",
                communityId, accountType);
        return Page.of(page, size, accounts, (limit, offset) -> jdbc.query("""
                SELECT account_id, MAX(account_name) AS account_name, SUM(points) AS points FROM points_entry
                WHERE community_id = ? AND account_type = ? GROUP BY account_id ORDER BY points DESC, account_id"""
                + " LIMIT " + limit + " OFFSET " + offset, (rs, i) -> new Total(accountType, rs.getString("account_id"),
                rs.getString("account_name"), rs.getInt("points")), communityId, accountType));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private void insert(Posting p, Long reverses, String by, Instant at) {
        jdbc.update("""
                INSERT INTO points_entry (entry_key, account_type, account_id, account_name, community_id, activity_id, points,
                    reason, reverses, posted_at, posted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                p.entryKey(), p.accountType(), p.accountId(), p.accountName(), p.communityId(), p.activityId(), p.points(),
                p.reason(), reverses, Timestamp.from(at), by);
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        long activity = rs.getLong("activity_id");
        Long activityId = rs.wasNull() ? null : activity;
        long reverses = rs.getLong("reverses");
        Long reversesId = rs.wasNull() ? null : reverses;
        return new Entry(rs.getLong("id"), rs.getString("entry_key"), rs.getString("account_type"),
                rs.getString("account_id"), rs.getString("account_name"), rs.getString("community_id"), activityId,
                rs.getInt("points"), rs.getString("reason"), reversesId, rs.getTimestamp("posted_at").toInstant(),
                rs.getString("posted_by"));
    }
}
