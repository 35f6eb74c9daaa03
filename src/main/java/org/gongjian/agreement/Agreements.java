package org.gongjian.agreement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.gongjian.system.Page;
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

    public void activate(Agreement a) {
        jdbc.update("""
                INSERT INTO agreement (agreement_number, process_instance_id, community_id, community_name, unit_id, unit_name,
                    term_start, term_end, needs_json, resources_json, status, activated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""",
                a.number(), a.processInstanceId(), a.communityId(), a.communityName(), a.unitId(), a.unitName(),
                java.sql.Date.valueOf(a.termStart()), java.sql.Date.valueOf(a.termEnd()), a.needsJson(), a.resourcesJson(),
                Timestamp.from(a.activatedAt()));
    }

    public void end(String number, String status, Instant at, String by, String reason) {
        jdbc.update("UPDATE agreement SET status = ?, ended_at = ?, ended_by = ?, end_reason = ? WHERE agreement_number = ?",
                status, Timestamp.from(at), by, reason, number);
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
