package org.gongjian.funds;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Transfers finance executed, one per transfer request (its business key). */
@Repository
public class FundTransfers {

    private final JdbcTemplate jdbc;

    FundTransfers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Transfer(String businessKey, String processInstanceId, String agreementNumber, String quarter,
                           String communityId, String communityName, String payerId, String payerName,
                           BigDecimal requestedAmount, BigDecimal transferredAmount, String voucherNumber,
                           LocalDate transferDate, String recordedBy, Instant recordedAt) {}

    public record Request(String businessKey, String processInstanceId, String agreementNumber, String quarter,
                          String communityId, String communityName, String payerId, String payerName, BigDecimal amount,
                          String purpose, Instant requestedAt) {}

    /** Records the request as its process made it, once per business key (a retried start records nothing new). */
    public void request(Request r) {
        if (request(r.businessKey()).isPresent()) {
            return;
        }
        jdbc.update("""
                INSERT INTO fund_request (business_key, process_instance_id, agreement_number, quarter, community_id,
                    community_name, payer_id, payer_name, amount, purpose, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.businessKey(), r.processInstanceId(), r.agreementNumber(), r.quarter(), r.communityId(),
                r.communityName(), r.payerId(), r.payerName(), r.amount(), r.purpose(), Timestamp.from(r.requestedAt()));
    }

    public Optional<Request> request(String businessKey) {
        return jdbc.query("SELECT * FROM fund_request WHERE business_key = ?", (rs, row) -> new Request(
                rs.getString("business_key"), rs.getString("process_instance_id"), rs.getString("agreement_number"),
                rs.getString("quarter"), rs.getString("community_id"), rs.getString("community_name"),
                rs.getString("payer_id"), rs.getString("payer_name"), rs.getBigDecimal("amount"), rs.getString("purpose"),
                rs.getTimestamp("requested_at").toInstant()), businessKey).stream().findFirst();
    }

    /**
     * Records the transfer unless one is already recorded under its business key; the key's
     * unique constraint stops a second one that races this. True if this call recorded it.
     */
    public boolean record(Transfer t) {
        if (find(t.businessKey()).isPresent()) {
            return false;
        }
        jdbc.update("""
                INSERT INTO fund_transfer (business_key, process_instance_id, agreement_number, quarter, community_id,
                    community_name, payer_id, payer_name, requested_amount, transferred_amount, voucher_number,
                    transfer_date, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                t.businessKey(), t.processInstanceId(), t.agreementNumber(), t.quarter(), t.communityId(),
                t.communityName(), t.payerId(), t.payerName(), t.requestedAmount(), t.transferredAmount(),
                t.voucherNumber(), Date.valueOf(t.transferDate()), t.recordedBy(), Timestamp.from(t.recordedAt()));
        return true;
    }

    public Optional<Transfer> find(String businessKey) {
        return jdbc.query("SELECT * FROM fund_transfer WHERE business_key = ?", FundTransfers::transfer, businessKey)
                .stream().findFirst();
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(rs.getString("business_key"), rs.getString("process_instance_id"),
                rs.getString("agreement_number"), rs.getString("quarter"), rs.getString("community_id"),
                rs.getString("community_name"), rs.getString("payer_id"), rs.getString("payer_name"),
                rs.getBigDecimal("requested_amount"), rs.getBigDecimal("transferred_amount"),
                rs.getString("voucher_number"), rs.getDate("transfer_date").toLocalDate(), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
