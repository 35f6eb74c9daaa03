package org.gongjian.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.agreement.AgreementTerm;
import org.gongjian.identity.Groups;
import org.gongjian.meeting.MeetingFigures;
import org.gongjian.system.SqlLists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A unit's figures for a period, counted from what the processes recorded and never typed, each with the records it
 * counts. The period is {@code [start, endExclusive)}; a quarter belongs to it when it starts in it.
 *
 * <ul>
 * <li>commitments: the activities the unit committed in the community for the period's quarters — made, kept
 * (verified), missed, cancelled; activities verified = kept; participants checked in at them; their residents'
 * ratings (count, mean);</li>
 * <li>timeliness: reminders and escalations sent for the unit's tasks in the period (escalation log); the unit's
 * tasks (its leader's and liaison's) due in the period, those done before any reminder, and the whole days they were
 * done late (or, still open, are late at the period's end); delegations of a task by one of the unit's leaders;</li>
 * <li>the joint meetings' figures of each quarter ({@link MeetingFigures});</li>
 * <li>funds: the unit's instalments for the period's quarters — committed (requested, unless refused or ended), paid
 * (transferred), confirmed (received by the community), and the days past their due date until paid (or until the
 * period's end);</li>
 * <li>rectifications still open at the period's end.</li>
 * </ul>
 */
@Repository
public class ReviewFigures {

    public record Trace(String kind, String ref, String label) {}

    public record Figure(String name, BigDecimal value, List<Trace> records) {}

    public record Figures(List<Figure> figures) {
        /** Name to value, in the figures' order. */
        public Map<String, BigDecimal> values() {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            figures.forEach(f -> values.put(f.name(), f.value()));
            return values;
        }
    }

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("commitmentsMade", "承诺活动");
        LABELS.put("commitmentsKept", "兑现");
        LABELS.put("commitmentsMissed", "未兑现");
        LABELS.put("commitmentsCancelled", "取消");
        LABELS.put("activitiesVerified", "经核实的活动");
        LABELS.put("participantsCheckedIn", "签到人次");
        LABELS.put("remindersSent", "提醒");
        LABELS.put("escalationsLevel1", "第一级催办");
        LABELS.put("escalationsLevel2", "第二级催办");
        LABELS.put("tasksDue", "到期待办");
        LABELS.put("tasksDoneBeforeReminder", "提醒前办结");
        LABELS.put("daysLate", "逾期天数");
        LABELS.put("delegationsByLeader", "单位书记委托他人");
        LABELS.put("ratingsCount", "居民评价");
        LABELS.put("ratingsMean", "平均评分");
        LABELS.put("meetingsInvited", "应出席联席会议");
        LABELS.put("meetingsAttendedByLeader", "书记本人出席");
        LABELS.put("meetingsAttendedByDeputy", "委派代表出席");
        LABELS.put("meetingsAbsent", "缺席");
        LABELS.put("resolutionsOwned", "承担决议");
        LABELS.put("resolutionsDoneOnTime", "按期落实");
        LABELS.put("resolutionsLate", "逾期");
        LABELS.put("resolutionsCarriedOver", "延续到下次会议");
        LABELS.put("fundsCommitted", "承诺经费（元）");
        LABELS.put("fundsPaid", "已拨付（元）");
        LABELS.put("fundsConfirmed", "社区确认到账（元）");
        LABELS.put("fundsDaysOverdue", "经费逾期天数");
        LABELS.put("rectificationsOpen", "未完成的整改");
    }

    /** The figure's name for people, in Chinese. */
    public static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }

    private final JdbcTemplate jdbc;
    private final MeetingFigures meetings;
    private final HistoryService history;
    private final IdentityService identity;
    private final ZoneId zone;

    ReviewFigures(JdbcTemplate jdbc, MeetingFigures meetings, HistoryService history, IdentityService identity,
                  Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.history = history;
        this.identity = identity;
        this.zone = clock.getZone();
    }

    public Figures compute(String unitId, String communityId, LocalDate start, LocalDate endExclusive) {
        List<String> quarters = quarters(start, endExclusive);
        Timestamp from = Timestamp.from(start.atStartOfDay(zone).toInstant());
        Timestamp until = Timestamp.from(endExclusive.atStartOfDay(zone).toInstant());
        List<Figure> figures = new ArrayList<>();

        String in = SqlLists.placeholders(quarters.size());
        List<Object> activityArgs = new ArrayList<>(List.of(unitId, communityId));
        activityArgs.addAll(quarters);
        List<Object[]> activities = jdbc.query("SELECT id, title, starts_at, status FROM activity WHERE unit_id = ? AND community_id = ?"
                        + " AND quarter IN (" + in + ") ORDER BY starts_at, id",
                (rs, i) -> new Object[] {rs.getLong("id"), rs.getString("title"), rs.getTimestamp("starts_at"), rs.getString("status")},
                activityArgs.toArray());
        figures.add(activities("commitmentsMade", activities, null));
        figures.add(activities("commitmentsKept", activities, "KEPT"));
        figures.add(activities("commitmentsMissed", activities, "MISSED"));
        figures.add(activities("commitmentsCancelled", activities, "CANCELLED"));
        figures.add(activities("activitiesVerified", activities, "KEPT"));
        String kept = activities.stream().filter(a -> "KEPT".equals(a[3])).map(a -> String.valueOf(a[0]))
                .collect(Collectors.joining(","));
        List<Trace> checkIns = kept.isEmpty() ? List.of() : jdbc.query(
                "SELECT activity_id, COUNT(*) AS n FROM signup WHERE checked_in_at IS NOT NULL AND activity_id IN (" + kept
                        + ") GROUP BY activity_id ORDER BY activity_id",
                (rs, i) -> new Trace("activity", rs.getString("activity_id"), rs.getInt("n") + " 人签到"));
        figures.add(new Figure("participantsCheckedIn", BigDecimal.valueOf(checkIns.stream()
                .mapToInt(t -> Integer.parseInt(t.label().split(" ")[0])).sum()), checkIns));

        for (String[] step : new String[][] {{"remindersSent", "reminder"}, {"escalationsLevel1", "escalation-1"},
                {"escalationsLevel2", "escalation-2"}}) {
            List<Trace> sent = jdbc.query("""
                    SELECT task_id, task_name, sent_at FROM escalation_log
                    WHERE unit_id = ? AND step = ? AND sent_at >= ? AND sent_at < ? ORDER BY sent_at, id""",
                    (rs, i) -> new Trace("task", rs.getString("task_id"), rs.getString("task_name") + " · "
                            + rs.getTimestamp("sent_at").toInstant().atZone(zone).toLocalDate()),
                    unitId, step[1], from, until);
            figures.add(new Figure(step[0], BigDecimal.valueOf(sent.size()), sent));
        }
        figures.addAll(timeliness(unitId, from.toInstant(), until.toInstant()));
        figures.add(delegations(unitId, from, until));

        List<Trace> ratings = activities.isEmpty() ? List.of() : jdbc.query(
                "SELECT r.activity_id, r.stars FROM activity_rating r JOIN activity a ON a.id = r.activity_id"
                        + " WHERE a.unit_id = ? AND a.community_id = ? AND a.quarter IN (" + in + ") ORDER BY r.activity_id, r.signup_id",
                (rs, i) -> new Trace("activity", rs.getString("activity_id"), rs.getInt("stars") + " 星"), activityArgs.toArray());
        figures.add(new Figure("ratingsCount", BigDecimal.valueOf(ratings.size()), ratings));
        BigDecimal mean = ratings.isEmpty() ? BigDecimal.ZERO : BigDecimal.valueOf(ratings.stream()
                .mapToInt(t -> Integer.parseInt(t.label().split(" ")[0])).sum())
                .divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        figures.add(new Figure("ratingsMean", mean, ratings));

        figures.addAll(meetingFigures(unitId, quarters));
        figures.addAll(funds(unitId, communityId, quarters, endExclusive));

        List<Trace> rectifications = jdbc.query("""
                SELECT r.id, v.period FROM rectification r JOIN review v ON v.id = r.review_id
                WHERE r.unit_id = ? AND r.state IN ('OPEN', 'PLANNED') AND r.opened_at < ? ORDER BY r.id""",
                (rs, i) -> new Trace("rectification", rs.getString("id"), rs.getString("period") + " 考核整改"), unitId, until);
        figures.add(new Figure("rectificationsOpen", BigDecimal.valueOf(rectifications.size()), rectifications));
        return new Figures(figures);
    }

    private static Figure activities(String name, List<Object[]> activities, String status) {
        List<Trace> records = activities.stream().filter(a -> status == null || status.equals(a[3]))
                .map(a -> new Trace("activity", String.valueOf(a[0]), a[1] + " · " + ((Timestamp) a[2]).toLocalDateTime().toLocalDate()))
                .toList();
        return new Figure(name, BigDecimal.valueOf(records.size()), records);
    }

    /** The unit's tasks due in the period, those done before any reminder, and the whole days late. */
    private List<Figure> timeliness(String unitId, Instant from, Instant until) {
        Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
        for (String group : List.of(Groups.unitLiaison(unitId), Groups.unitLeader(unitId))) {
            for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().taskHadCandidateGroup(group)
                    .taskDueAfter(Date.from(from.minusMillis(1))).taskDueBefore(Date.from(until))
                    .orderByHistoricActivityInstanceStartTime().asc().list()) {
                tasks.putIfAbsent(t.getId(), t);
            }
        }
        Set<String> reminded = tasks.isEmpty() ? Set.of() : Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT task_id FROM escalation_log WHERE task_id IN (" + SqlLists.placeholders(tasks.size()) + ")",
                String.class, tasks.keySet().toArray()));
        List<Trace> due = new ArrayList<>();
        List<Trace> early = new ArrayList<>();
        List<Trace> late = new ArrayList<>();
        long daysLate = 0;
        for (HistoricTaskInstance t : tasks.values()) {
            Trace trace = new Trace("task", t.getId(), t.getName() + " · 到期 " + t.getDueDate().toInstant().atZone(zone).toLocalDate());
            due.add(trace);
            if (t.getEndTime() != null && !reminded.contains(t.getId())) {
                early.add(trace);
            }
            Instant doneOrNow = t.getEndTime() != null ? t.getEndTime().toInstant() : until;
            long days = Duration.between(t.getDueDate().toInstant(), doneOrNow).toDays();
            if (days > 0) {
                daysLate += days;
                late.add(new Trace("task", t.getId(), t.getName() + " · 逾期 " + days + " 天"));
            }
        }
        return List.of(new Figure("tasksDue", BigDecimal.valueOf(due.size()), due),
                new Figure("tasksDoneBeforeReminder", BigDecimal.valueOf(early.size()), early),
                new Figure("daysLate", BigDecimal.valueOf(daysLate), late));
    }

    private Figure delegations(String unitId, Timestamp from, Timestamp until) {
        List<String> leaders = identity.createUserQuery().memberOfGroup(Groups.unitLeader(unitId)).list().stream()
                .map(User::getId).toList();
        if (leaders.isEmpty()) {
            return new Figure("delegationsByLeader", BigDecimal.ZERO, List.of());
        }
        List<Object> args = new ArrayList<>(leaders);
        args.add(from);
        args.add(until);
        List<Trace> records = jdbc.query("SELECT task_id, task_key, delegate_id, delegated_at FROM task_delegation WHERE owner_id IN ("
                        + SqlLists.placeholders(leaders.size()) + ") AND delegated_at >= ? AND delegated_at < ? ORDER BY delegated_at",
                (rs, i) -> new Trace("delegation", rs.getString("task_id"), rs.getString("task_key") + " → "
                        + rs.getString("delegate_id")), args.toArray());
        return new Figure("delegationsByLeader", BigDecimal.valueOf(records.size()), records);
    }

    private List<Figure> meetingFigures(String unitId, List<String> quarters) {
        int[] sums = new int[8];
        List<Trace> records = new ArrayList<>();
        for (String quarter : quarters) {
            meetings.of(unitId, quarter).ifPresent(f -> {
                int[] v = {f.invited(), f.attendedByLeader(), f.attendedByDeputy(), f.absent(), f.resolutionsOwned(),
                        f.doneOnTime(), f.late(), f.carriedOver()};
                for (int i = 0; i < v.length; i++) {
                    sums[i] += v[i];
                }
                records.add(new Trace("meeting", quarter, quarter + " 联席会议"));
            });
        }
        String[] names = {"meetingsInvited", "meetingsAttendedByLeader", "meetingsAttendedByDeputy", "meetingsAbsent",
                "resolutionsOwned", "resolutionsDoneOnTime", "resolutionsLate", "resolutionsCarriedOver"};
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            figures.add(new Figure(names[i], BigDecimal.valueOf(sums[i]), records));
        }
        return figures;
    }

    private List<Figure> funds(String unitId, String communityId, List<String> quarters, LocalDate endExclusive) {
        List<Object> args = new ArrayList<>(List.of(unitId, communityId));
        args.addAll(quarters);
        List<Object[]> rows = jdbc.query("""
                SELECT q.business_key, q.amount, q.due_date, t.transferred_amount, t.transfer_date, c.received_amount
                FROM fund_request q
                LEFT JOIN fund_transfer t ON t.business_key = q.business_key
                LEFT JOIN fund_receipt c ON c.business_key = q.business_key
                WHERE q.kind = 'INSTALMENT' AND q.payer_kind = 'UNIT' AND q.payer_id = ? AND q.community_id = ?
                  AND q.state NOT IN ('REFUSED', 'ENDED') AND q.quarter IN (""" + SqlLists.placeholders(quarters.size())
                        + ") ORDER BY q.requested_at, q.business_key",
                (rs, i) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), rs.getDate(3), rs.getBigDecimal(4),
                        rs.getDate(5), rs.getBigDecimal(6)}, args.toArray());
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal confirmed = BigDecimal.ZERO;
        long overdue = 0;
        List<Trace> records = new ArrayList<>();
        List<Trace> late = new ArrayList<>();
        for (Object[] r : rows) {
            committed = committed.add((BigDecimal) r[1]);
            paid = paid.add(r[3] == null ? BigDecimal.ZERO : (BigDecimal) r[3]);
            confirmed = confirmed.add(r[5] == null ? BigDecimal.ZERO : (BigDecimal) r[5]);
            records.add(new Trace("transfer", (String) r[0], r[0] + " · " + ((BigDecimal) r[1]).toPlainString() + " 元"));
            if (r[2] != null) {
                LocalDate dueOn = ((java.sql.Date) r[2]).toLocalDate();
                LocalDate paidOn = r[4] == null ? endExclusive : ((java.sql.Date) r[4]).toLocalDate();
                long days = Math.max(0, ChronoUnit.DAYS.between(dueOn, paidOn));
                if (days > 0) {
                    overdue += days;
                    late.add(new Trace("transfer", (String) r[0], r[0] + " · 逾期 " + days + " 天"));
                }
            }
        }
        return List.of(new Figure("fundsCommitted", committed.stripTrailingZeros(), records),
                new Figure("fundsPaid", paid.stripTrailingZeros(), records),
                new Figure("fundsConfirmed", confirmed.stripTrailingZeros(), records),
                new Figure("fundsDaysOverdue", BigDecimal.valueOf(overdue), late));
    }

    /** Rewrites the review's stored figures and their records. */
    public void store(long reviewId, Figures figures) {
        jdbc.update("DELETE FROM review_figure_record WHERE review_id = ?", reviewId);
        jdbc.update("DELETE FROM review_figure WHERE review_id = ?", reviewId);
        int position = 0;
        for (Figure f : figures.figures()) {
            jdbc.update("INSERT INTO review_figure (review_id, position, name, figure_value) VALUES (?, ?, ?, ?)",
                    reviewId, position++, f.name(), f.value());
            int n = 0;
            for (Trace t : f.records()) {
                jdbc.update("""
                        INSERT INTO review_figure_record (review_id, name, position, record_kind, record_ref, label)
                        VALUES (?, ?, ?, ?, ?, ?)""", reviewId, f.name(), n++, t.kind(), t.ref(),
                        t.label().length() > 300 ? t.label().substring(0, 300) : t.label());
            }
        }
    }

    /** The review's figures as stored when it was scored. */
    public Figures of(long reviewId) {
        Map<String, List<Trace>> records = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM review_figure_record WHERE review_id = ? ORDER BY name, position", rs -> {
            records.computeIfAbsent(rs.getString("name"), k -> new ArrayList<>()).add(
                    new Trace(rs.getString("record_kind"), rs.getString("record_ref"), rs.getString("label")));
        }, reviewId);
        return new Figures(jdbc.query("SELECT name, figure_value FROM review_figure WHERE review_id = ? ORDER BY position",
                (rs, i) -> new Figure(rs.getString("name"), rs.getBigDecimal("figure_value").stripTrailingZeros(),
                        records.getOrDefault(rs.getString("name"), List.of())), reviewId));
    }

    /** The quarters that start in the period. */
    static List<String> quarters(LocalDate start, LocalDate endExclusive) {
        List<String> quarters = new ArrayList<>();
        for (LocalDate q = AgreementTerm.quarterStart(AgreementTerm.quarterOf(start)); q.isBefore(endExclusive); q = q.plusMonths(3)) {
            if (!q.isBefore(start)) {
                quarters.add(AgreementTerm.quarterOf(q));
            }
        }
        return quarters;
    }
}
