package org.gongjian.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The escalation log: every reminder and escalation sent, and when its task was finally done. */
@Repository
public class EscalationLog {

    private final JdbcTemplate jdbc;

    EscalationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String taskId, String taskKey, String taskName, String processInstanceId, String processKey,
                        String businessKey, String unitId, String step, String notifiedRole, String recipients,
                        Instant taskCreatedAt, Instant taskDueAt, Instant sentAt, Instant taskDoneAt) {}

    public boolean sent(String taskId, String step) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM escalation_log WHERE task_id = ? AND step = ?",
                Integer.class, taskId, step);
        return n != null && n > 0;
    }

    public void record(Entry e) {
        jdbc.update("""
                INSERT INTO escalation_log (task_id, task_key, task_name, process_instance_id, process_key, business_key,
                    unit_id, step, notified_role, recipients, task_created_at, task_due_at, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.taskId(), e.taskKey(), e.taskName(), e.processInstanceId(), e.processKey(), e.businessKey(),
                e.unitId(), e.step(), e.notifiedRole(), e.recipients(), ts(e.taskCreatedAt()), ts(e.taskDueAt()),
                ts(e.sentAt()));
    }

    public List<Entry> forTask(String taskId) {
        return jdbc.query("SELECT * FROM escalation_log WHERE task_id = ? ORDER BY sent_at, id", EscalationLog::entry, taskId);
    }

    public List<Entry> forProcess(String processInstanceId) {
        return jdbc.query("SELECT * FROM escalation_log WHERE process_instance_id = ? ORDER BY sent_at, id",
                EscalationLog::entry, processInstanceId);
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"),
                rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("business_key"),
                rs.getString("unit_id"), rs.getString("step"), rs.getString("notified_role"), rs.getString("recipients"),
                instant(rs.getTimestamp("task_created_at")), instant(rs.getTimestamp("task_due_at")),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("task_done_at")));
    }

    public void taskDone(String taskId, Instant at) {
        jdbc.update("UPDATE escalation_log SET task_done_at = ? WHERE task_id = ? AND task_done_at IS NULL", ts(at), taskId);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
