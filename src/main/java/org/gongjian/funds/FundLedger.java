package org.gongjian.funds;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongjian.identity.Parties;
import org.gongjian.system.Page;
import org.gongjian.system.SqlLists;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The fund ledger (经费台账): every request with what was asked, approved, paid and confirmed, where it stands
 * and who holds it for how long; and totals per payer and per quarter, summed in SQL over the same rows the
 * lists show. Only what is public: organisations by name, never a person.
 */
@Repository
public class FundLedger {

    /** Which requests a reader sees: one community's (the board), or a staff member's own. */
    public record Scope(boolean everything, Set<String> communities, Set<String> units, Set<String> departments) {

        public static Scope community(String communityId) {
            return new Scope(false, Set.of(communityId), Set.of(), Set.of());
        }

        /** The street committee sees every community; a community its own; a unit or a department what it pays. */
        public static Scope of(Parties parties) {
            return new Scope(parties.everything(), parties.communities(), parties.units(), parties.departments());
        }

        public boolean isEmpty() {
            return !everything && communities.isEmpty() && units.isEmpty() && departments.isEmpty();
        }
    }

    /** One request as the ledger shows it. Confirmed: what the community confirmed, or what reconciliation settled. */
    public record Row(String businessKey, FundKind kind, String quarter, String communityName, String payerName,
                      String purpose, BigDecimal requested, BigDecimal approved, BigDecimal paid, BigDecimal confirmed,
                      FundTransfers.State state, LocalDate dueDate, boolean overdue, String refusalReason,
                      String voucherNumber, List<Held> steps) {

        public String stateLabel() {
            return label(state);
        }
    }

    /** A step as held: by whom, how many calendar days, how many of them past its due date; open if not done. */
    public record Held(String stepName, String holderName, long days, long daysPastDue, boolean open) {}

    /** Sums of one group of rows (a payer, a quarter, or all). */
    public record Total(String group, long requests, BigDecimal requested, BigDecimal approved, BigDecimal paid,
                        BigDecimal confirmed, BigDecimal overdue) {}

    static final String OPEN_STATES = "('REQUESTED', 'APPROVED', 'PAID', 'RECONCILING')";

    private static final String FROM = """
            FROM fund_request r
            LEFT JOIN fund_transfer t ON t.business_key = r.business_key
            LEFT JOIN fund_receipt c ON c.business_key = r.business_key
            LEFT JOIN fund_reconciliation z ON z.business_key = r.business_key
            """;
    private static final String CONFIRMED = """
            CASE WHEN z.settled_amount IS NOT NULL THEN z.settled_amount
                 WHEN c.matches = TRUE THEN c.received_amount ELSE 0 END""";
    private static final String OVERDUE = "(r.state IN " + OPEN_STATES + " AND r.due_date < ?)";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;

    FundLedger(JdbcTemplate jdbc, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    /** One page of the scope's requests, newest first, each with the steps it went through. */
    public Page<Row> rows(Scope scope, int page, int size) {
        Where where = where(scope);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM fund_request r WHERE " + where.sql(), Long.class,
                where.args().toArray());
        return Page.of(page, size, total, (limit, offset) -> rows(where, "LIMIT " + limit + " OFFSET " + offset));
    }

    /** Every request of the scope, for a download. */
    public List<Row> all(Scope scope) {
        return rows(where(scope), "");
    }

    /** Sums per payer, per quarter or over everything of the scope: {@code payer}, {@code quarter} or {@code all}. */
    public List<Total> totals(Scope scope, String by) {
        String group = switch (by) {
            case "payer" -> "r.payer_name";
            case "quarter" -> "r.quarter";
            case "all" -> null;
            default -> throw new IllegalArgumentException("totals by payer, quarter or all, not " + by);
        };
        Where where = where(scope);
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(today()));
        args.addAll(where.args());
        String sql = "SELECT " + (group == null ? "'' AS grp" : group + " AS grp") + """
                , COUNT(*) AS requests, COALESCE(SUM(r.amount), 0) AS requested,
                  COALESCE(SUM(r.approved_amount), 0) AS approved, COALESCE(SUM(t.transferred_amount), 0) AS paid,
                  COALESCE(SUM(""" + CONFIRMED + "), 0) AS confirmed,\n"
                + "  COALESCE(SUM(CASE WHEN " + OVERDUE + " THEN r.amount ELSE 0 END), 0) AS overdue\n"
                + FROM + "WHERE " + where.sql()
                + (group == null ? "" : " GROUP BY " + group + " ORDER BY " + group);
        return jdbc.query(sql, (rs, i) -> new Total(rs.getString("grp"), rs.getLong("requests"),
                rs.getBigDecimal("requested"), rs.getBigDecimal("approved"), rs.getBigDecimal("paid"),
                rs.getBigDecimal("confirmed"), rs.getBigDecimal("overdue")), args.toArray());
    }

    private List<Row> rows(Where where, String limit) {
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(today()));
        args.addAll(where.args());
        List<Row> rows = jdbc.query("SELECT r.*, t.transferred_amount, t.voucher_number, " + CONFIRMED + " AS confirmed, "
                        + "CASE WHEN " + OVERDUE + " THEN 1 ELSE 0 END AS overdue\n" + FROM + "WHERE " + where.sql()
                        + " ORDER BY r.requested_at DESC, r.business_key " + limit,
                FundLedger::row, args.toArray());
        Map<String, List<Held>> steps = steps(rows.stream().map(Row::businessKey).toList());
        return rows.stream().map(r -> new Row(r.businessKey(), r.kind(), r.quarter(), r.communityName(), r.payerName(),
                r.purpose(), r.requested(), r.approved(), r.paid(), r.confirmed(), r.state(), r.dueDate(), r.overdue(),
                r.refusalReason(), r.voucherNumber(), steps.getOrDefault(r.businessKey(), List.of()))).toList();
    }

    private Map<String, List<Held>> steps(List<String> keys) {
        Map<String, List<Held>> steps = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return steps;
        }
        Instant now = clock.instant();
        jdbc.query("SELECT * FROM fund_step_hold WHERE business_key IN (" + SqlLists.placeholders(keys.size())
                + ") ORDER BY held_from, task_id", rs -> {
            Instant from = rs.getTimestamp("held_from").toInstant();
            Instant until = rs.getTimestamp("held_until") == null ? now : rs.getTimestamp("held_until").toInstant();
            Instant due = rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant();
            steps.computeIfAbsent(rs.getString("business_key"), k -> new ArrayList<>()).add(new Held(
                    rs.getString("step_name"), rs.getString("holder_name"), days(from, until),
                    due == null || !until.isAfter(due) ? 0 : days(due, until), rs.getTimestamp("held_until") == null));
        }, keys.toArray());
        return steps;
    }

    /** Calendar days in the sub-district, as people count them. */
    private long days(Instant from, Instant until) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(until, zone));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private record Where(String sql, List<Object> args) {}

    private static Where where(Scope scope) {
        if (scope.everything()) {
            return new Where("1 = 1", List.of());
        }
        List<Object> args = new ArrayList<>(scope.communities());
        args.addAll(scope.units());
        args.addAll(scope.departments());
        return new Where("(r.community_id IN (" + SqlLists.placeholders(scope.communities().size()) + ")"
                + " OR (r.payer_kind = 'UNIT' AND r.payer_id IN (" + SqlLists.placeholders(scope.units().size()) + "))"
                + " OR (r.payer_kind = 'DEPARTMENT' AND r.payer_id IN ("
                + SqlLists.placeholders(scope.departments().size()) + ")))", args);
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Date due = rs.getDate("due_date");
        return new Row(rs.getString("business_key"), FundKind.valueOf(rs.getString("kind")), rs.getString("quarter"),
                rs.getString("community_name"), rs.getString("payer_name"), rs.getString("purpose"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("approved_amount"), rs.getBigDecimal("transferred_amount"),
                rs.getBigDecimal("confirmed"), FundTransfers.State.valueOf(rs.getString("state")),
                due == null ? null : due.toLocalDate(), rs.getInt("overdue") == 1, rs.getString("refusal_reason"),
                rs.getString("voucher_number"), List.of());
    }

    static String label(FundTransfers.State state) {
        return switch (state) {
            case REQUESTED -> "待付款方审批 Awaiting the payer";
            case APPROVED -> "待财务拨付 Awaiting transfer";
            case PAID -> "待社区确认 Awaiting receipt";
            case CONFIRMED -> "已到账 Received";
            case RECONCILING -> "对账中 Reconciling";
            case RECONCILED -> "已对账 Reconciled";
            case REFUSED -> "未获同意 Refused";
            case ENDED -> "已终止 Ended";
        };
    }
}
