package org.gongjian.funds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gongjian.identity.Groups;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Who held each step of a fund transfer, from when to when, against its due date: written from the
 * engine's own task events (created, due date changed, completed, deleted), so that no model can forget
 * to record it. A request whose instance ends before it reached a final state (its agreement ended, an
 * operator deleted it) is marked ended.
 */
@Component
public class FundStepHolds {

    /** Who holds a step: a unit, a department, the street committee, finance or the community. */
    public enum HolderKind { UNIT, DEPARTMENT, STREET_COMMITTEE, FINANCE, COMMUNITY }

    public record Hold(String taskId, String businessKey, String taskKey, String stepName, HolderKind holderKind,
                       String holderId, String holderName, Instant heldFrom, Instant heldUntil, Instant dueAt,
                       String outcome) {}

    static final String FINANCE_NAME = "财务";

    private final JdbcTemplate jdbc;
    private final FundTransfers transfers;
    private final Clock clock;

    FundStepHolds(JdbcTemplate jdbc, FundTransfers transfers, Clock clock) {
        this.jdbc = jdbc;
        this.transfers = transfers;
        this.clock = clock;
    }

    @EventListener(condition = "#task.eventName == 'create' && #task.processDefinitionId != null"
            + " && #task.processDefinitionId.startsWith('fund-transfer:')")
    public void created(DelegateTask task) {
        // a grant's own request step comes before there is a request to hold
        Optional<FundTransfers.Request> request = transfers.request(FundSteps.key(task.getExecution()));
        if (request.isEmpty()) {
            return;
        }
        FundTransfers.Request r = request.get();
        Holder holder = switch (task.getTaskDefinitionKey()) {
            case APPROVE_TRANSFER -> new Holder(HolderKind.valueOf(r.payerKind().name()), r.payerId(), r.payerName());
            case TRANSFER_FUNDS -> new Holder(HolderKind.FINANCE, Groups.FINANCE, FINANCE_NAME);
            case CONFIRM_RECEIPT -> new Holder(HolderKind.COMMUNITY, r.communityId(), r.communityName());
            case RECONCILE_TRANSFER -> new Holder(HolderKind.FINANCE, Groups.FINANCE,
                    FINANCE_NAME + "、" + r.payerName());
            default -> null;
        };
        if (holder == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO fund_step_hold (task_id, business_key, task_key, step_name, holder_kind, holder_id,
                    holder_name, held_from, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                task.getId(), r.businessKey(), task.getTaskDefinitionKey(), task.getName(), holder.kind().name(),
                holder.id(), holder.name(), Timestamp.from(clock.instant()),
                task.getDueDate() == null ? null : new Timestamp(task.getDueDate().getTime()));
    }

    @EventListener(condition = "#task.eventName == 'update' && #task.processDefinitionId != null"
            + " && #task.processDefinitionId.startsWith('fund-transfer:')")
    public void updated(DelegateTask task) {
        jdbc.update("UPDATE fund_step_hold SET due_at = ? WHERE task_id = ? AND held_until IS NULL",
                task.getDueDate() == null ? null : new Timestamp(task.getDueDate().getTime()), task.getId());
    }

    @EventListener(condition = "(#task.eventName == 'complete' || #task.eventName == 'delete')"
            + " && #task.processDefinitionId != null && #task.processDefinitionId.startsWith('fund-transfer:')")
    public void ended(DelegateTask task) {
        jdbc.update("UPDATE fund_step_hold SET held_until = ?, outcome = ? WHERE task_id = ? AND held_until IS NULL",
                Timestamp.from(clock.instant()), "complete".equals(task.getEventName()) ? "COMPLETED" : "CANCELLED",
                task.getId());
    }

    // the instance's own end: the root execution, past its last activity
    @EventListener(condition = "#execution.eventName == 'end' && #execution.id == #execution.processInstanceId"
            + " && #execution.currentActivityId == null && #execution.processDefinitionId.startsWith('fund-transfer:')")
    public void instanceEnded(DelegateExecution execution) {
        // a request that ended in its own way is in a final state already, which this leaves alone
        transfers.moveTo(FundSteps.key(execution), FundTransfers.State.ENDED, clock.instant());
    }

    /** The steps of one request, in the order they were held. */
    public List<Hold> of(String businessKey) {
        return jdbc.query("SELECT * FROM fund_step_hold WHERE business_key = ? ORDER BY held_from, task_id",
                (rs, i) -> new Hold(rs.getString("task_id"), rs.getString("business_key"), rs.getString("task_key"),
                        rs.getString("step_name"), HolderKind.valueOf(rs.getString("holder_kind")),
                        rs.getString("holder_id"), rs.getString("holder_name"),
                        rs.getTimestamp("held_from").toInstant(), instant(rs.getTimestamp("held_until")),
                        instant(rs.getTimestamp("due_at")), rs.getString("outcome")), businessKey);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private record Holder(HolderKind kind, String id, String name) {}
}
