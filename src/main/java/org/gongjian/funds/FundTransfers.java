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

/**
 * The record of every fund request, from the request to the confirmed receipt: what was asked, what the
 * payer decided, what finance paid (one payment per request, whatever runs twice), what the community
 * received and how a difference was settled. Steps read amounts and parties from here, not from variables.
 */
@Repository
public class FundTransfers {

    /** Where a request stands. */
    public enum State { REQUESTED, APPROVED, REFUSED, PAID, CONFIRMED, RECONCILING, RECONCILED, ENDED;

        boolean isFinal() {
            return this == REFUSED || this == CONFIRMED || this == RECONCILED || this == ENDED;
        }
    }

    private final JdbcTemplate jdbc;

    FundTransfers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Transfer(String businessKey, String processInstanceId, String agreementNumber, String quarter,
                           String communityId, String communityName, String payerId, String payerName,
                           BigDecimal requestedAmount, BigDecimal transferredAmount, String voucherNumber,
                           LocalDate transferDate, String recordedBy, Instant recordedAt) {}

    public record Request(String businessKey, String processInstanceId, FundKind kind, String agreementNumber,
                          String quarter, Long accessRequestId, String communityId, String communityName,
                          FundKind.PayerKind payerKind, String payerId, String payerName, String payerSupervisorId,
                          BigDecimal amount, String purpose, LocalDate dueDate, Instant requestedAt,
                          State state, BigDecimal approvedAmount, String refusalReason) {

        /** A new request, waiting for its payer. */
        public static Request asked(String businessKey, String processInstanceId, FundKind kind, String agreementNumber,
                                    String quarter, Long accessRequestId, String communityId, String communityName,
                                    String payerId, String payerName, String payerSupervisorId, BigDecimal amount,
                                    String purpose, LocalDate dueDate, Instant requestedAt) {
            return new Request(businessKey, processInstanceId, kind, agreementNumber, quarter, accessRequestId,
                    communityId, communityName, kind.payer(), payerId, payerName, payerSupervisorId, amount, purpose,
                    dueDate, requestedAt, State.REQUESTED, null, null);
        }
    }

    public record Receipt(String businessKey, BigDecimal receivedAmount, LocalDate receivedOn, boolean matches,
                          String confirmedBy, Instant confirmedAt) {}

    public record Reconciliation(String businessKey, String cause, BigDecimal settledAmount, String note,
                                 String settledBy, Instant settledAt) {}

    /** Records the request as its process made it, once per business key (a retried start records nothing new). */
    public void request(Request r) {
        if (request(r.businessKey()).isPresent()) {
            return;
        }
        jdbc.update("""
                INSERT INTO fund_request (business_key, process_instance_id, kind, agreement_number, quarter,
                    access_request_id, community_id, community_name, payer_kind, payer_id, payer_name,
                    payer_supervisor_id, amount, purpose, due_date, requested_at, state, state_since)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                r.businessKey(), r.processInstanceId(), r.kind().name(), r.agreementNumber(), r.quarter(),
                r.accessRequestId(), r.communityId(), r.communityName(), r.payerKind().name(), r.payerId(),
                r.payerName(), r.payerSupervisorId(), r.amount(), r.purpose(), Date.valueOf(r.dueDate()),
                Timestamp.from(r.requestedAt()), State.REQUESTED.name(), Timestamp.from(r.requestedAt()));
    }

    public Optional<Request> request(String businessKey) {
        return jdbc.query("SELECT * FROM fund_request WHERE business_key = ?", FundTransfers::request, businessKey)
                .stream().findFirst();
    }

    /** The payer's decision: approved for the amount asked, or refused with the reason. */
    public void decide(String businessKey, boolean approved, String reason, String by, Instant at) {
        int changed = jdbc.update("""
                UPDATE fund_request SET state = ?, state_since = ?, approved_amount = CASE WHEN ? THEN amount END,
                    refusal_reason = ?, decided_by = ?, decided_at = ?
                WHERE business_key = ? AND state = 'REQUESTED'""",
                (approved ? State.APPROVED : State.REFUSED).name(), Timestamp.from(at), approved,
                approved ? null : reason, by, Timestamp.from(at), businessKey);
        if (changed != 1) {
            throw new IllegalStateException("fund request " + businessKey + " is not waiting for its payer's decision");
        }
    }

    /** Moves an open request on; a request in a final state stays as it ended. */
    public void moveTo(String businessKey, State state, Instant at) {
        jdbc.update("""
                UPDATE fund_request SET state = ?, state_since = ?
                WHERE business_key = ? AND state NOT IN ('REFUSED', 'CONFIRMED', 'RECONCILED', 'ENDED')""",
                state.name(), Timestamp.from(at), businessKey);
    }

    /**
     * Records the transfer unless one is already recorded under its business key; the key's unique
     * constraint stops a second one that races this (the loser's transaction fails and rolls back).
     * True if this call recorded it.
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
        moveTo(t.businessKey(), State.PAID, t.recordedAt());
        return true;
    }

    public Optional<Transfer> find(String businessKey) {
        return jdbc.query("SELECT * FROM fund_transfer WHERE business_key = ?", FundTransfers::transfer, businessKey)
                .stream().findFirst();
    }

    /** How many payments are recorded for the request: one at most, by the table's own constraint. */
    public int payments(String businessKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fund_transfer WHERE business_key = ?", Integer.class,
                businessKey);
    }

    /** The community's receipt; a matching one closes the request, another opens reconciliation. */
    public void receive(Receipt r) {
        jdbc.update("""
                INSERT INTO fund_receipt (business_key, received_amount, received_on, matches, confirmed_by, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                r.businessKey(), r.receivedAmount(), Date.valueOf(r.receivedOn()), r.matches(), r.confirmedBy(),
                Timestamp.from(r.confirmedAt()));
        moveTo(r.businessKey(), r.matches() ? State.CONFIRMED : State.RECONCILING, r.confirmedAt());
    }

    public Optional<Receipt> receipt(String businessKey) {
        return jdbc.query("SELECT * FROM fund_receipt WHERE business_key = ?", (rs, i) -> new Receipt(
                rs.getString("business_key"), rs.getBigDecimal("received_amount"),
                rs.getDate("received_on").toLocalDate(), rs.getBoolean("matches"), rs.getString("confirmed_by"),
                rs.getTimestamp("confirmed_at").toInstant()), businessKey).stream().findFirst();
    }

    public void settle(Reconciliation r) {
        jdbc.update("""
                INSERT INTO fund_reconciliation (business_key, cause, settled_amount, note, settled_by, settled_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                r.businessKey(), r.cause(), r.settledAmount(), r.note(), r.settledBy(), Timestamp.from(r.settledAt()));
        moveTo(r.businessKey(), State.RECONCILED, r.settledAt());
    }

    public Optional<Reconciliation> reconciliation(String businessKey) {
        return jdbc.query("SELECT * FROM fund_reconciliation WHERE business_key = ?", (rs, i) -> new Reconciliation(
                rs.getString("business_key"), rs.getString("cause"), rs.getBigDecimal("settled_amount"),
                rs.getString("note"), rs.getString("settled_by"), rs.getTimestamp("settled_at").toInstant()),
                businessKey).stream().findFirst();
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        long access = rs.getLong("access_request_id");
        Long accessRequestId = rs.wasNull() ? null : access;
        Date due = rs.getDate("due_date");
        return new Request(rs.getString("business_key"), rs.getString("process_instance_id"),
                FundKind.valueOf(rs.getString("kind")), rs.getString("agreement_number"), rs.getString("quarter"),
                accessRequestId, rs.getString("community_id"), rs.getString("community_name"),
                FundKind.PayerKind.valueOf(rs.getString("payer_kind")), rs.getString("payer_id"),
                rs.getString("payer_name"), rs.getString("payer_supervisor_id"), rs.getBigDecimal("amount"),
                rs.getString("purpose"), due == null ? null : due.toLocalDate(),
                rs.getTimestamp("requested_at").toInstant(), State.valueOf(rs.getString("state")),
                rs.getBigDecimal("approved_amount"), rs.getString("refusal_reason"));
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
