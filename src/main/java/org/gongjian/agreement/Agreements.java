package org.gongjian.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.gongjian.system.Page;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Repository;

import static org.gongjian.system.SqlLists.placeholders;
/** Agreements in force and their history: negotiation rounds, signatures, delegations, quarterly cycles. */
@Repository
public class Agreements {

    public static final String UNIT = "UNIT";
    public static final String COMMUNITY = "COMMUNITY";

    private final JdbcTemplate jdbc;
    private final DataFieldMaxValueIncrementer numbers;

    Agreements(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        this.numbers = "PostgreSQL".equals(product)
                ? new PostgresSequenceMaxValueIncrementer(dataSource, "agreement_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "agreement_number_seq");
    }

    public record Agreement(String number, String processInstanceId, String communityId, String communityName,
                            String unitId, String unitName, LocalDate termStart, LocalDate termEnd, String needsJson,
                            String resourcesJson, String status, Instant activatedAt, Instant endedAt, String endedBy,
                            String endReason) {}

    public record Round(int roundNo, String resourcesJson, String decision, String comments, String decidedBy,
                        Instant decidedAt) {}

    public record Signature(String party, String signedBy, Instant signedAt, String delegatedTo) {}

    /** A new agreement number, e.g. GJ-2027-000042, never given twice. */
    public String nextNumber(int year) {
        return "GJ-%d-%06d".formatted(year, numbers.nextLongValue());
    }

    /**
     * The agreement of this community and unit in force (or filed to come into force) whose term reaches
     * {@code day}: a new agreement for the pair may only begin after it ends, as its successor.
     */
    public Optional<Agreement> inForceFor(String communityId, String unitId, LocalDate day) {
        return jdbc.query("SELECT * FROM agreement WHERE community_id = ? AND unit_id = ? AND status = 'ACTIVE' AND term_end >= ?"
                        + " ORDER BY term_end DESC", Agreements::agreement, communityId, unitId, java.sql.Date.valueOf(day))
                .stream().findFirst();
    }

    /** Thrown when another agreement of the pair is (or has just come) in force over the new one's term. */
    public static final class PairTaken extends RuntimeException {
        private final transient Agreement current;

        PairTaken(Agreement current) {
            super(current == null ? "another agreement of this community and unit came into force a moment ago"
                    : "agreement " + current.number() + " is in force until " + current.termEnd());
            this.current = current;
        }

        /** The agreement in force, or null when it came into force in a transaction racing this one. */
        public Agreement current() {
            return current;
        }
    }

    /**
     * Records the agreement in force. The pair's row in {@code agreement_in_force} is taken first: inserted when the
     * pair has none, taken over (compare-and-set) from an agreement that ends before this one starts. A race lost
     * there ends the transaction (PostgreSQL refuses any further statement in it), so nothing else is read after it.
     *
     * @throws PairTaken when another agreement of the pair is in force over this one's term
     */
    public void activate(Agreement a) {
        Optional<Agreement> overlapping = inForceFor(a.communityId(), a.unitId(), a.termStart());
        if (overlapping.isPresent()) {
            throw new PairTaken(overlapping.get());
        }
        List<String> holder = jdbc.queryForList("SELECT agreement_number FROM agreement_in_force WHERE community_id = ? AND unit_id = ?",
                String.class, a.communityId(), a.unitId());
        jdbc.update("""
                INSERT INTO agreement (agreement_number, process_instance_id, community_id, community_name, unit_id, unit_name,
                    term_start, term_end, needs_json, resources_json, status, activated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""",
                a.number(), a.processInstanceId(), a.communityId(), a.communityName(), a.unitId(), a.unitName(),
                java.sql.Date.valueOf(a.termStart()), java.sql.Date.valueOf(a.termEnd()), a.needsJson(), a.resourcesJson(),
                Timestamp.from(a.activatedAt()));
        try {
            int taken = holder.isEmpty()
                    ? jdbc.update("INSERT INTO agreement_in_force (community_id, unit_id, agreement_number, term_end) VALUES (?, ?, ?, ?)",
                            a.communityId(), a.unitId(), a.number(), java.sql.Date.valueOf(a.termEnd()))
                    : jdbc.update("UPDATE agreement_in_force SET agreement_number = ?, term_end = ? WHERE community_id = ? AND unit_id = ?"
                                    + " AND agreement_number = ? AND term_end < ?",
                            a.number(), java.sql.Date.valueOf(a.termEnd()), a.communityId(), a.unitId(), holder.get(0),
                            java.sql.Date.valueOf(a.termStart()));
            if (taken != 1) {
                throw new PairTaken(null);
            }
        } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
            throw new PairTaken(null);
        }
    }

    /**
     * The agreement no longer holds its pair: the pair's row goes to the last other agreement of the pair still in
     * force (a renewal filed to succeed it), or away.
     */
    private void release(String number) {
        List<Map<String, Object>> pair = jdbc.queryForList(
                "SELECT community_id, unit_id FROM agreement_in_force WHERE agreement_number = ?", number);
        if (pair.isEmpty()) {
            return;
        }
        Object community = pair.get(0).get("community_id");
        Object unit = pair.get(0).get("unit_id");
        jdbc.update("DELETE FROM agreement_in_force WHERE agreement_number = ?", number);
        jdbc.update("""
                INSERT INTO agreement_in_force (community_id, unit_id, agreement_number, term_end)
                SELECT community_id, unit_id, agreement_number, term_end FROM agreement
                WHERE community_id = ? AND unit_id = ? AND status = 'ACTIVE' AND agreement_number <> ?
                ORDER BY term_end DESC, agreement_number DESC LIMIT 1""", community, unit, number);
    }

    /** Whether the notice that the agreement ended went to this address before. */
    boolean endMailed(String number, String recipient) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM agreement_end_mail WHERE agreement_number = ? AND recipient = ?",
                Integer.class, number, recipient);
        return n != null && n > 0;
    }

    void recordEndMail(String number, String recipient, Instant at) {
        jdbc.update("INSERT INTO agreement_end_mail (agreement_number, recipient, sent_at) VALUES (?, ?, ?)", number, recipient,
                Timestamp.from(at));
    }

    /** The number of the pair's agreement in force (or filed to succeed it), if any. */
    public Optional<String> holderOf(String communityId, String unitId) {
        return jdbc.queryForList("SELECT agreement_number FROM agreement_in_force WHERE community_id = ? AND unit_id = ?",
                String.class, communityId, unitId).stream().findFirst();
    }

    public void end(String number, String status, Instant at, String by, String reason) {
        jdbc.update("UPDATE agreement SET status = ?, ended_at = ?, ended_by = ?, end_reason = ? WHERE agreement_number = ?",
                status, Timestamp.from(at), by, reason, number);
        release(number);
    }

    public Optional<Agreement> find(String number) {
        return jdbc.query("SELECT * FROM agreement WHERE agreement_number = ?", Agreements::agreement, number)
                .stream().findFirst();
    }

    /** How many agreements a list page shows at most, newest first. */
    public static final int PAGE = 200;

    /** The newest agreements of all communities and units. */
    public List<Agreement> newest() {
        return jdbc.query("SELECT * FROM agreement ORDER BY activated_at DESC LIMIT " + PAGE, Agreements::agreement);
    }

    /** The newest agreements of the given communities or units (their ids; either may be empty). */
    public List<Agreement> newestOf(Collection<String> communityIds, Collection<String> unitIds) {
        if (communityIds.isEmpty() && unitIds.isEmpty()) {
            return List.of();
        }
        List<Object> ids = new ArrayList<>(communityIds);
        ids.addAll(unitIds);
        String sql = "SELECT * FROM agreement WHERE community_id IN (" + placeholders(communityIds.size()) + ") OR unit_id IN ("
                + placeholders(unitIds.size()) + ") ORDER BY activated_at DESC LIMIT " + PAGE;
        return jdbc.query(sql, Agreements::agreement, ids.toArray());
    }

    /** One page of the community's agreements in force, newest first (the public board). */
    public Page<Agreement> inForceOf(String communityId, int page, int size) {
        String where = " FROM agreement WHERE community_id = ? AND status = 'ACTIVE'";
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, communityId);
        return Page.of(page, size, total == null ? 0 : total, (limit, offset) -> jdbc.query("SELECT *" + where
                + " ORDER BY activated_at DESC, agreement_number LIMIT " + limit + " OFFSET " + offset, Agreements::agreement,
                communityId));
    }

    /** The units holding an agreement in force with the community, by name. */
    public List<String> unitsInForce(String communityId) {
        return jdbc.queryForList("SELECT DISTINCT unit_name FROM agreement WHERE community_id = ? AND status = 'ACTIVE'"
                + " ORDER BY unit_name", String.class, communityId);
    }

    /** The ids of the units with an agreement in force in the community: the joint meeting's members. */
    public List<String> unitIdsInForce(String communityId) {
        return jdbc.queryForList("SELECT DISTINCT unit_id FROM agreement WHERE community_id = ? AND status = 'ACTIVE'"
                + " ORDER BY unit_id", String.class, communityId);
    }

    public int recordRound(String processInstanceId, String resourcesJson, String decision, String comments, String by,
                           Instant at) {
        Integer last = jdbc.queryForObject("SELECT MAX(round_no) FROM agreement_round WHERE process_instance_id = ?",
                Integer.class, processInstanceId);
        int round = last == null ? 1 : last + 1;
        jdbc.update("""
                INSERT INTO agreement_round (process_instance_id, round_no, resources_json, decision, comments, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", processInstanceId, round, resourcesJson, decision, comments, by, Timestamp.from(at));
        return round;
    }

    public List<Round> rounds(String processInstanceId) {
        return jdbc.query("SELECT * FROM agreement_round WHERE process_instance_id = ? ORDER BY round_no", (rs, i) ->
                new Round(rs.getInt("round_no"), rs.getString("resources_json"), rs.getString("decision"),
                        rs.getString("comments"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()),
                processInstanceId);
    }

    public void recordSignature(String processInstanceId, String party, String by, Instant at, String delegatedTo) {
        jdbc.update("""
                INSERT INTO agreement_signature (process_instance_id, party, signed_by, signed_at, delegated_to)
                VALUES (?, ?, ?, ?, ?)""", processInstanceId, party, by, Timestamp.from(at), delegatedTo);
    }

    public List<Signature> signatures(String processInstanceId) {
        return jdbc.query("SELECT * FROM agreement_signature WHERE process_instance_id = ? ORDER BY signed_at", (rs, i) ->
                new Signature(rs.getString("party"), rs.getString("signed_by"), rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("delegated_to")), processInstanceId);
    }

    /** Whom the task was delegated to since it was last created, if anyone. */
    public List<String> delegatesOf(String processInstanceId, String taskKey, Instant since) {
        return jdbc.queryForList("""
                SELECT delegate_id FROM task_delegation
                WHERE process_instance_id = ? AND task_key = ? AND delegated_at >= ? ORDER BY delegated_at""",
                String.class, processInstanceId, taskKey, Timestamp.from(since));
    }

    public boolean quarterStarted(String number, String quarter) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM quarterly_cycle WHERE agreement_number = ? AND quarter = ?",
                Integer.class, number, quarter);
        return n != null && n > 0;
    }

    public void recordQuarter(String number, String quarter, String processInstanceId, Instant at) {
        jdbc.update("INSERT INTO quarterly_cycle (agreement_number, quarter, process_instance_id, started_at) VALUES (?, ?, ?, ?)",
                number, quarter, processInstanceId, Timestamp.from(at));
    }

    private static Agreement agreement(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Agreement(rs.getString("agreement_number"), rs.getString("process_instance_id"),
                rs.getString("community_id"), rs.getString("community_name"), rs.getString("unit_id"),
                rs.getString("unit_name"), rs.getDate("term_start").toLocalDate(), rs.getDate("term_end").toLocalDate(),
                rs.getString("needs_json"), rs.getString("resources_json"), rs.getString("status"),
                rs.getTimestamp("activated_at").toInstant(), ended == null ? null : ended.toInstant(),
                rs.getString("ended_by"), rs.getString("end_reason"));
    }
}
