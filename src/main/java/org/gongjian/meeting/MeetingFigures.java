package org.gongjian.meeting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The joint meeting's figures for the review, per unit and quarter, kept in {@code meeting_unit_figures} so that the
 * review reads them without going through every meeting's history: the meetings of the quarter the unit sat in once
 * held, and how its leader came (in person, by a deputy, not at all); the resolutions it was given at the quarter's
 * meetings — a resolution counts in the quarter of the meeting that recorded it, however late it is done — done on
 * time, late (done after its deadline, or still not reported with its deadline past: one reported and waiting for the
 * secretary is judged when confirmed, by the day it was reported), carried over to a later agenda.
 *
 * <p>Each row is rewritten from the record whenever one of its facts changes (minutes, a resolution recorded,
 * confirmed, returned, carried over, a day past its deadline, ended), in the same transaction as the change: a rolled
 * back change leaves the figures as they were, and running a refresh again gives the same row.
 */
@Repository
public class MeetingFigures {

    /** One unit's quarter in the joint meetings. */
    public record Figures(String unitId, String quarter, int invited, int attendedByLeader, int attendedByDeputy,
                          int absent, int resolutionsOwned, int doneOnTime, int late, int carriedOver) {}

    private final JdbcTemplate jdbc;
    private final MeetingCalendar calendar;
    private final Clock clock;

    MeetingFigures(JdbcTemplate jdbc, MeetingCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Optional<Figures> of(String unitId, String quarter) {
        return jdbc.query("SELECT * FROM meeting_unit_figures WHERE unit_id = ? AND quarter = ?", MeetingFigures::figures,
                unitId, quarter).stream().findFirst();
    }

    /** Every unit's figures for the quarter, by unit. */
    public List<Figures> ofQuarter(String quarter) {
        return jdbc.query("SELECT * FROM meeting_unit_figures WHERE quarter = ? ORDER BY unit_id", MeetingFigures::figures,
                quarter);
    }

    /** The figures of every unit sitting in the meeting, for the meeting's quarter. */
    void refreshMeeting(long meetingId) {
        for (String unit : jdbc.queryForList("SELECT party_id FROM meeting_member WHERE meeting_id = ? AND member_kind = 'UNIT'"
                + " ORDER BY party_id", String.class, meetingId)) {
            refresh(unit, quarterOf(meetingId));
        }
    }

    /** The figures of the resolution's owner, when a unit, for the quarter of the meeting that recorded it. */
    void refreshResolution(long resolutionId) {
        jdbc.query("""
                SELECT r.owner_id, m.quarter FROM meeting_resolution r JOIN meeting m ON m.id = r.meeting_id
                WHERE r.id = ? AND r.owner_kind = 'UNIT'""",
                rs -> {
                    refresh(rs.getString("owner_id"), rs.getString("quarter"));
                }, resolutionId);
    }

    /** Rewrites the unit's row for the quarter from the record. */
    void refresh(String unitId, String quarter) {
        // refreshes of one unit wait for each other, so that the row is written once whoever comes first
        jdbc.query("SELECT id FROM unit WHERE id = ? FOR UPDATE", rs -> {}, unitId);
        Date today = Date.valueOf(LocalDate.now(clock.withZone(calendar.zone())));
        int[] attendance = jdbc.queryForObject("""
                SELECT COUNT(*) AS invited,
                       COALESCE(SUM(CASE WHEN u.attendance = 'PRESENT' THEN 1 ELSE 0 END), 0) AS leader,
                       COALESCE(SUM(CASE WHEN u.attendance = 'DEPUTY' THEN 1 ELSE 0 END), 0) AS deputy,
                       COALESCE(SUM(CASE WHEN u.attendance = 'ABSENT' THEN 1 ELSE 0 END), 0) AS absent
                FROM meeting_member u JOIN meeting m ON m.id = u.meeting_id
                WHERE u.member_kind = 'UNIT' AND u.party_id = ? AND m.quarter = ? AND m.minutes_at IS NOT NULL""",
                (rs, i) -> new int[] {rs.getInt("invited"), rs.getInt("leader"), rs.getInt("deputy"), rs.getInt("absent")},
                unitId, quarter);
        int[] resolutions = jdbc.queryForObject("""
                SELECT COUNT(*) AS owned,
                       COALESCE(SUM(CASE WHEN r.done_on_time = TRUE THEN 1 ELSE 0 END), 0) AS on_time,
                       COALESCE(SUM(CASE WHEN r.done_on_time = FALSE
                                          OR (r.state = 'OPEN' AND r.deadline < ?) THEN 1 ELSE 0 END), 0) AS late,
                       COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM agenda_item a WHERE a.resolution_id = r.id)
                                    THEN 1 ELSE 0 END), 0) AS carried
                FROM meeting_resolution r JOIN meeting m ON m.id = r.meeting_id
                WHERE r.owner_kind = 'UNIT' AND r.owner_id = ? AND m.quarter = ?""",
                (rs, i) -> new int[] {rs.getInt("owned"), rs.getInt("on_time"), rs.getInt("late"), rs.getInt("carried")},
                today, unitId, quarter);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("""
                UPDATE meeting_unit_figures SET invited = ?, attended_by_leader = ?, attended_by_deputy = ?, absent = ?,
                    resolutions_owned = ?, done_on_time = ?, late = ?, carried_over = ?, refreshed_at = ?
                WHERE unit_id = ? AND quarter = ?""",
                attendance[0], attendance[1], attendance[2], attendance[3],
                resolutions[0], resolutions[1], resolutions[2], resolutions[3], now, unitId, quarter);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO meeting_unit_figures (unit_id, quarter, invited, attended_by_leader, attended_by_deputy,
                        absent, resolutions_owned, done_on_time, late, carried_over, refreshed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    unitId, quarter, attendance[0], attendance[1], attendance[2], attendance[3],
                    resolutions[0], resolutions[1], resolutions[2], resolutions[3], now);
        }
    }

    private String quarterOf(long meetingId) {
        return jdbc.queryForObject("SELECT quarter FROM meeting WHERE id = ?", String.class, meetingId);
    }

    private static Figures figures(ResultSet rs, int row) throws SQLException {
        return new Figures(rs.getString("unit_id"), rs.getString("quarter"), rs.getInt("invited"),
                rs.getInt("attended_by_leader"), rs.getInt("attended_by_deputy"), rs.getInt("absent"),
                rs.getInt("resolutions_owned"), rs.getInt("done_on_time"), rs.getInt("late"), rs.getInt("carried_over"));
    }
}
