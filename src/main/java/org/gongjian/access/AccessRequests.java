package org.gongjian.access;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.gongjian.identity.Parties;
import org.gongjian.system.SqlLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The record of every access request: what a department asked, what the access list and the street committee
 * decided, and what each community answered; and the communities' refusals of work that never passed the gate.
 * The process reads its communities and their answers from here.
 */
@Repository("accessRequests")
public class AccessRequests {

    public record Request(long id, String processInstanceId, String departmentId, String departmentName,
                          String workType, String title, String description, int hours, int people,
                          LocalDate periodStart, LocalDate periodEnd, BigDecimal fundingPerCommunity, String state,
                          String gateReason, String decisionReason, Instant requestedAt) {}

    public record Community(long accessRequestId, String communityId, String communityName, String state,
                            String reason, String fundBusinessKey) {}

    public record Refusal(long id, String communityId, String departmentId, String work, String reason,
                          String refusedBy, Instant refusedAt) {}

    private final JdbcTemplate jdbc;

    AccessRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long file(String processInstanceId, String departmentId, String departmentName, String workType, String title,
              String description, int hours, int people, LocalDate start, LocalDate end, BigDecimal funding,
              String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("""
                    INSERT INTO access_request (process_instance_id, department_id, department_name, work_type, title,
                        description, hours, people, period_start, period_end, funding_per_community, state,
                        requested_by, requested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?)""", new String[] {"id"});
            s.setString(1, processInstanceId);
            s.setString(2, departmentId);
            s.setString(3, departmentName);
            s.setString(4, workType);
            s.setString(5, title);
            s.setString(6, description);
            s.setInt(7, hours);
            s.setInt(8, people);
            s.setDate(9, Date.valueOf(start));
            s.setDate(10, Date.valueOf(end));
            s.setBigDecimal(11, funding);
            s.setString(12, by);
            s.setTimestamp(13, Timestamp.from(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /** The communities the department chose, each waiting for the gate. */
    void choose(long id, List<org.gongjian.identity.Directory.Community> communities) {
        jdbc.update("DELETE FROM access_request_community WHERE access_request_id = ? AND state = 'WAITING'", id);
        for (var c : communities) {
            jdbc.update("""
                    INSERT INTO access_request_community (access_request_id, community_id, community_name, state)
                    VALUES (?, ?, ?, 'WAITING')""", id, c.id(), c.name());
        }
    }

    /** The communities the work goes to, for the process's multi-instance: read from the record, not a variable. */
    public List<String> communitiesOf(Object accessRequestId) {
        return jdbc.queryForList("""
                SELECT community_id FROM access_request_community WHERE access_request_id = ?
                ORDER BY community_id""", String.class, Long.valueOf(accessRequestId.toString()));
    }

    /** Whether the community's secretary accepted the work, as recorded. */
    public boolean accepted(Object accessRequestId, String communityId) {
        return community(Long.parseLong(accessRequestId.toString()), communityId)
                .map(c -> "ACCEPTED".equals(c.state())).orElse(false);
    }

    void gate(long id, String state, String reason) {
        jdbc.update("UPDATE access_request SET state = ?, gate_reason = ? WHERE id = ? AND state = 'REQUESTED'",
                state, reason, id);
    }

    void decide(long id, boolean approved, String reason, String by, Instant at) {
        int changed = jdbc.update("""
                UPDATE access_request SET state = ?, decision_reason = ?, decided_by = ?, decided_at = ?
                WHERE id = ? AND state = 'REQUESTED'""", approved ? "APPROVED" : "REFUSED", reason, by,
                Timestamp.from(at), id);
        if (changed != 1) {
            throw new IllegalStateException("access request " + id + " is not waiting for a decision");
        }
    }

    void offer(long id, String communityId) {
        jdbc.update("""
                UPDATE access_request_community SET state = 'PENDING'
                WHERE access_request_id = ? AND community_id = ? AND state = 'WAITING'""", id, communityId);
    }

    /** The secretary's answer; false if the community had already answered. */
    boolean answer(long id, String communityId, boolean accepted, String reason, String by, Instant at) {
        return jdbc.update("""
                UPDATE access_request_community SET state = ?, reason = ?, answered_by = ?, answered_at = ?
                WHERE access_request_id = ? AND community_id = ? AND state = 'PENDING'""",
                accepted ? "ACCEPTED" : "REFUSED", reason, by, Timestamp.from(at), id, communityId) == 1;
    }

    void paidBy(long id, String communityId, String fundBusinessKey) {
        jdbc.update("UPDATE access_request_community SET fund_business_key = ? WHERE access_request_id = ? AND community_id = ?",
                fundBusinessKey, id, communityId);
    }

    public Optional<Request> find(long id) {
        return jdbc.query("SELECT * FROM access_request WHERE id = ?", (rs, i) -> request(rs), id).stream().findFirst();
    }

    public Optional<Community> community(long id, String communityId) {
        return communities(id).stream().filter(c -> c.communityId().equals(communityId)).findFirst();
    }

    public List<Community> communities(long id) {
        return jdbc.query("SELECT * FROM access_request_community WHERE access_request_id = ? ORDER BY community_id",
                (rs, i) -> new Community(rs.getLong("access_request_id"), rs.getString("community_id"),
                        rs.getString("community_name"), rs.getString("state"), rs.getString("reason"),
                        rs.getString("fund_business_key")), id);
    }

    /** The requests a reader may see, newest first: the street committee all, a department its own, a community those naming it. */
    public List<Request> visibleTo(Parties parties, int limit) {
        if (parties.everything()) {
            return jdbc.query("SELECT * FROM access_request ORDER BY requested_at DESC, id DESC LIMIT " + limit,
                    (rs, i) -> request(rs));
        }
        List<Object> args = new java.util.ArrayList<>(parties.departments());
        args.addAll(parties.communities());
        return jdbc.query("SELECT * FROM access_request r WHERE r.department_id IN ("
                        + SqlLists.placeholders(parties.departments().size()) + ") OR EXISTS (SELECT 1 FROM "
                        + "access_request_community c WHERE c.access_request_id = r.id AND c.community_id IN ("
                        + SqlLists.placeholders(parties.communities().size()) + ")) ORDER BY requested_at DESC, id DESC LIMIT "
                        + limit, (rs, i) -> request(rs), args.toArray());
    }

    void refuse(String communityId, String departmentId, String work, String reason, String by, Instant at) {
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("""
                    INSERT INTO ungated_work_refusal (community_id, department_id, work, reason, refused_by, refused_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", Statement.NO_GENERATED_KEYS);
            s.setString(1, communityId);
            s.setString(2, departmentId);
            s.setString(3, work);
            s.setString(4, reason);
            s.setString(5, by);
            s.setTimestamp(6, Timestamp.from(at));
            return s;
        });
    }

    /** Refusals of un-gated work: the street committee sees all, a community its own. */
    public List<Refusal> refusals(Parties parties, int limit) {
        String where = parties.everything() ? "1 = 1"
                : "community_id IN (" + SqlLists.placeholders(parties.communities().size()) + ")";
        return jdbc.query("SELECT * FROM ungated_work_refusal WHERE " + where
                        + " ORDER BY refused_at DESC, id DESC LIMIT " + limit,
                (rs, i) -> new Refusal(rs.getLong("id"), rs.getString("community_id"), rs.getString("department_id"),
                        rs.getString("work"), rs.getString("reason"), rs.getString("refused_by"),
                        rs.getTimestamp("refused_at").toInstant()),
                parties.everything() ? new Object[0] : parties.communities().toArray());
    }

    private static Request request(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Request(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("department_id"),
                rs.getString("department_name"), rs.getString("work_type"), rs.getString("title"),
                rs.getString("description"), rs.getInt("hours"), rs.getInt("people"),
                rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
                rs.getBigDecimal("funding_per_community"), rs.getString("state"), rs.getString("gate_reason"),
                rs.getString("decision_reason"), rs.getTimestamp("requested_at").toInstant());
    }
}
