package org.gongjian.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The communities and the units stationed in them, as stored in Gongjian's tables: processes
 * choose a unit from here, never from a list typed into a form.
 */
@Repository
public class Directory {

    private final JdbcTemplate jdbc;

    Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Community(String id, String name) {}

    public record Unit(String id, String name, String kind, String communityId, String supervisorId, String supervisorName) {}

    public Optional<Community> community(String id) {
        return jdbc.query("SELECT id, name FROM community WHERE id = ?",
                (rs, i) -> new Community(rs.getString(1), rs.getString(2)), id).stream().findFirst();
    }

    /** Every community, by name. */
    public List<Community> communities() {
        return jdbc.query("SELECT id, name FROM community ORDER BY name, id",
                (rs, i) -> new Community(rs.getString(1), rs.getString(2)));
    }

    public Optional<Unit> unit(String id) {
        return jdbc.query("SELECT * FROM unit WHERE id = ?", (rs, i) -> unit(rs), id).stream().findFirst();
    }

    public List<Unit> unitsOf(String communityId) {
        return jdbc.query("SELECT * FROM unit WHERE community_id = ? ORDER BY id", (rs, i) -> unit(rs), communityId);
    }

    void save(Community c) {
        if (jdbc.update("UPDATE community SET name = ? WHERE id = ?", c.name(), c.id()) == 0) {
            jdbc.update("INSERT INTO community (id, name) VALUES (?, ?)", c.id(), c.name());
        }
    }

    void save(Unit u) {
        int updated = jdbc.update("""
                UPDATE unit SET name = ?, kind = ?, community_id = ?, supervisor_id = ?, supervisor_name = ? WHERE id = ?""",
                u.name(), u.kind(), u.communityId(), u.supervisorId(), u.supervisorName(), u.id());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO unit (id, name, kind, community_id, supervisor_id, supervisor_name)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    u.id(), u.name(), u.kind(), u.communityId(), u.supervisorId(), u.supervisorName());
        }
    }

    private static Unit unit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Unit(rs.getString("id"), rs.getString("name"), rs.getString("kind"), rs.getString("community_id"),
                rs.getString("supervisor_id"), rs.getString("supervisor_name"));
    }
}
