package org.gongjian.commitment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The written quarterly reports, one per agreement and quarter. */
@Repository
public class QuarterlyReports {

    private final JdbcTemplate jdbc;

    QuarterlyReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored report. {@code commitmentsJson} lists each committed activity as {date, title,
     * kind, status, statusName, late}.
     */
    public record Report(String agreementNumber, String quarter, String processInstanceId, String communityId,
                         String communityName, String unitId, String unitName, int committed, int kept, int missed,
                         int cancelled, int late, int stillOpen, BigDecimal fundsCommitted, BigDecimal fundsTransferred,
                         String commitmentsJson, String reportText, Instant createdAt) {}

    public boolean exists(String agreementNumber, String quarter) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM quarterly_report WHERE agreement_number = ? AND quarter = ?",
                Integer.class, agreementNumber, quarter);
        return n != null && n > 0;
    }

    /** Stores the report; the primary key (agreement, quarter) refuses a second one. */
    void store(Report r) {
        jdbc.update("""
                INSERT INTO quarterly_report (agreement_number, quarter, process_instance_id, community_id, community_name,
                    unit_id, unit_name, committed, kept, missed, cancelled, late, still_open, funds_committed,
                    funds_transferred, commitments_json, report_text, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.agreementNumber(), r.quarter(), r.processInstanceId(), r.communityId(), r.communityName(), r.unitId(),
                r.unitName(), r.committed(), r.kept(), r.missed(), r.cancelled(), r.late(), r.stillOpen(),
                r.fundsCommitted(), r.fundsTransferred(), r.commitmentsJson(), r.reportText(),
                Timestamp.from(r.createdAt()));
    }

    public Optional<Report> find(String agreementNumber, String quarter) {
        return jdbc.query("SELECT * FROM quarterly_report WHERE agreement_number = ? AND quarter = ?",
                QuarterlyReports::report, agreementNumber, quarter).stream().findFirst();
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getString("agreement_number"), rs.getString("quarter"), rs.getString("process_instance_id"),
                rs.getString("community_id"), rs.getString("community_name"), rs.getString("unit_id"),
                rs.getString("unit_name"), rs.getInt("committed"), rs.getInt("kept"), rs.getInt("missed"),
                rs.getInt("cancelled"), rs.getInt("late"), rs.getInt("still_open"), rs.getBigDecimal("funds_committed"),
                rs.getBigDecimal("funds_transferred"), rs.getString("commitments_json"), rs.getString("report_text"),
                rs.getTimestamp("created_at").toInstant());
    }
}
