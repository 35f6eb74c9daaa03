package org.gongjian.activity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongjian.system.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static org.gongjian.system.SqlLists.placeholders;
/** Activities, their sign-ups, ratings and evidence photos. */
@Repository
public class Activities {

    public static final String PLANNED = "PLANNED";
    public static final String PUBLISHED = "PUBLISHED";
    public static final String EVIDENCE = "EVIDENCE";
    public static final String KEPT = "KEPT";
    public static final String CANCELLED = "CANCELLED";
    public static final String MISSED = "MISSED";
    /** The community never verified the evidence: neither kept nor broken by the unit. */
    public static final String UNVERIFIED = "UNVERIFIED";

    public static final String SIGNED_UP = "SIGNED_UP";
    public static final String RELEASED = "RELEASED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private final JdbcTemplate jdbc;

    Activities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Activity(long id, String businessKey, String processInstanceId, String agreementNumber, String quarter,
                           String communityId, String communityName, String unitId, String unitName, String title,
                           String kind, String description, String place, Instant startsAt, Instant endsAt,
                           Instant signupClosesAt, int places, int volunteers, BigDecimal hours, String checkinCode,
                           String status, String statusReason, Instant publishedAt, Instant evidenceDueAt,
                           String evidenceSummary, Instant evidenceAt, Instant endedAt) {

        public boolean open() {
            return PUBLISHED.equals(status);
        }

        /** Kept, cancelled or missed: nothing more happens to it. */
        public boolean ended() {
            return KEPT.equals(status) || CANCELLED.equals(status) || MISSED.equals(status);
        }
    }

    public record Signup(long id, long activityId, String name, String phone, String email, boolean partyMember,
                         String partyOrganisation, String token, String clientAddress, Instant signedUpAt, String status,
                         Instant checkedInAt) {}

    public record Rating(long signupId, long activityId, int stars, String comment, Instant ratedAt) {}

    public record Photo(long id, long activityId, String fileName, String contentType, int sizeBytes, String uploadedBy,
                        Instant uploadedAt) {}

    /** A committed activity as the quarterly commitment hands it over; it is not public until published. */
    public record Plan(String businessKey, String processInstanceId, String agreementNumber, String quarter,
                       String communityId, String communityName, String unitId, String unitName, String title,
                       String kind, String place, Instant startsAt, Instant endsAt, Instant signupClosesAt, int places,
                       int volunteers, BigDecimal hours, String checkinCode) {}

    public long plan(Plan p) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("""
                    INSERT INTO activity (business_key, process_instance_id, agreement_number, quarter, community_id,
                        community_name, unit_id, unit_name, title, kind, place, starts_at, ends_at, signup_closes_at,
                        places, volunteers, hours, checkin_code, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED')""", new String[] {"id"});
            int i = 1;
            s.setString(i++, p.businessKey());
            s.setString(i++, p.processInstanceId());
            s.setString(i++, p.agreementNumber());
            s.setString(i++, p.quarter());
            s.setString(i++, p.communityId());
            s.setString(i++, p.communityName());
            s.setString(i++, p.unitId());
            s.setString(i++, p.unitName());
            s.setString(i++, p.title());
            s.setString(i++, p.kind());
            s.setString(i++, p.place());
            s.setTimestamp(i++, Timestamp.from(p.startsAt()));
            s.setTimestamp(i++, Timestamp.from(p.endsAt()));
            s.setTimestamp(i++, Timestamp.from(p.signupClosesAt()));
            s.setInt(i++, p.places());
            s.setInt(i++, p.volunteers());
            s.setBigDecimal(i++, p.hours());
            s.setString(i, p.checkinCode());
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /** The liaison's published details; from now on the board shows it and people may sign up. */
    public void publish(long id, String title, String kind, String description, String place, Instant startsAt,
                        Instant endsAt, Instant signupClosesAt, int places, Instant at) {
        jdbc.update("""
                UPDATE activity SET title = ?, kind = ?, description = ?, place = ?, starts_at = ?, ends_at = ?,
                    signup_closes_at = ?, places = ?, status = 'PUBLISHED', published_at = ? WHERE id = ?""",
                title, kind, description, place, Timestamp.from(startsAt), Timestamp.from(endsAt),
                Timestamp.from(signupClosesAt), places, Timestamp.from(at), id);
    }

    public void evidenceDue(long id, Instant due) {
        jdbc.update("UPDATE activity SET evidence_due_at = ? WHERE id = ?", Timestamp.from(due), id);
    }

    public void evidenceSubmitted(long id, String summary, Instant at) {
        jdbc.update("UPDATE activity SET status = 'EVIDENCE', evidence_summary = ?, evidence_at = ? WHERE id = ?",
                summary, Timestamp.from(at), id);
    }

    /** Verification returned the evidence: it is open again for the liaison. */
    public void evidenceReturned(long id, String reason) {
        jdbc.update("UPDATE activity SET status = 'PUBLISHED', status_reason = ? WHERE id = ?", reason, id);
    }

    public void end(long id, String status, String reason, Instant at) {
        jdbc.update("UPDATE activity SET status = ?, status_reason = ?, ended_at = ? WHERE id = ?",
                status, reason, Timestamp.from(at), id);
    }

    public Optional<Activity> find(long id) {
        return jdbc.query("SELECT * FROM activity WHERE id = ?", Activities::activity, id).stream().findFirst();
    }

    /**
     * The id of the activity a process runs for: the one recorded under its business key when it
     * was committed, whatever the process's variables say.
     */
    public long idOf(String businessKey) {
        return findByBusinessKey(businessKey).map(Activity::id).orElseThrow(
                () -> new IllegalStateException("no activity is recorded under " + businessKey));
    }

    public Optional<Activity> findByBusinessKey(String businessKey) {
        return jdbc.query("SELECT * FROM activity WHERE business_key = ?", Activities::activity, businessKey)
                .stream().findFirst();
    }

    /** One page of the community's published and finished activities that start in [from, to), soonest first. */
    public Page<Activity> ofCommunity(String communityId, Instant from, Instant to, int page, int size) {
        String where = " FROM activity WHERE community_id = ? AND status <> 'PLANNED' AND starts_at >= ? AND starts_at < ?";
        Object[] args = {communityId, Timestamp.from(from), Timestamp.from(to)};
        return Page.of(page, size, count("SELECT COUNT(*)" + where, args), (limit, offset) ->
                jdbc.query("SELECT *" + where + " ORDER BY starts_at, id LIMIT " + limit + " OFFSET " + offset,
                        Activities::activity, args));
    }

    /** How many of a unit's activities starting in [from, to) have each status. */
    public record UnitStatusCount(String unitName, String status, int count) {}

    /** The community's published and finished activities in [from, to), counted per unit and status, for the fulfilment table. */
    public List<UnitStatusCount> countsByUnitAndStatus(String communityId, Instant from, Instant to) {
        return jdbc.query("""
                SELECT unit_name, status, COUNT(*) AS n FROM activity
                WHERE community_id = ? AND status <> 'PLANNED' AND starts_at >= ? AND starts_at < ?
                GROUP BY unit_name, status ORDER BY unit_name, status""",
                (rs, i) -> new UnitStatusCount(rs.getString("unit_name"), rs.getString("status"), rs.getInt("n")),
                communityId, Timestamp.from(from), Timestamp.from(to));
    }

    /** How many activities a list page shows, latest first. */
    public static final int PAGE = 50;

    /** One page of the latest activities of the given communities or units (either may be empty), or of all when asked. */
    public Page<Activity> latest(boolean all, Collection<String> communityIds, Collection<String> unitIds, int page) {
        if (!all && communityIds.isEmpty() && unitIds.isEmpty()) {
            return Page.of(1, PAGE, 0, (limit, offset) -> List.of());
        }
        List<Object> ids = new ArrayList<>(communityIds);
        ids.addAll(unitIds);
        String where = all ? " FROM activity" : " FROM activity WHERE community_id IN (" + placeholders(communityIds.size())
                + ") OR unit_id IN (" + placeholders(unitIds.size()) + ")";
        Object[] args = all ? new Object[0] : ids.toArray();
        return Page.of(page, PAGE, count("SELECT COUNT(*)" + where, args), (limit, offset) ->
                jdbc.query("SELECT *" + where + " ORDER BY starts_at DESC, id DESC LIMIT " + limit + " OFFSET " + offset,
                        Activities::activity, args));
    }

    /** Every activity committed under the agreement, newest quarter first. */
    public List<Activity> ofAgreement(String agreementNumber) {
        return jdbc.query("SELECT * FROM activity WHERE agreement_number = ? ORDER BY quarter DESC, starts_at, id LIMIT 500",
                Activities::activity, agreementNumber);
    }

    /** Every activity committed for one quarter of one agreement. */
    public List<Activity> ofQuarter(String agreementNumber, String quarter) {
        return jdbc.query("SELECT * FROM activity WHERE agreement_number = ? AND quarter = ? ORDER BY starts_at, id",
                Activities::activity, agreementNumber, quarter);
    }

    /** Locks the activity's row until the transaction ends: sign-ups for its last place queue here. */
    Activity lock(long id) {
        return jdbc.query("SELECT * FROM activity WHERE id = ? FOR UPDATE", Activities::activity, id)
                .stream().findFirst().orElseThrow(() -> new ActivityNotFoundException(id));
    }

    // sign-ups

    public int placesTaken(long activityId) {
        return count("SELECT COUNT(*) FROM signup WHERE activity_id = ? AND status = 'SIGNED_UP'", activityId);
    }

    /** Places taken and ratings of several activities at once, for a list: two queries, whatever its length. */
    public record Standing(int placesTaken, int ratings, double averageStars) {}

    public Map<Long, Standing> standings(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        Object[] ids = activityIds.toArray();
        Map<Long, Integer> taken = new HashMap<>();
        jdbc.query("SELECT activity_id, COUNT(*) AS n FROM signup WHERE status = 'SIGNED_UP' AND activity_id IN ("
                + placeholders(ids.length) + ") GROUP BY activity_id", rs -> {
            taken.put(rs.getLong("activity_id"), rs.getInt("n"));
        }, ids);
        Map<Long, Standing> standings = new HashMap<>();
        jdbc.query("SELECT activity_id, COUNT(*) AS n, AVG(CAST(stars AS DECIMAL(4, 2))) AS average FROM activity_rating"
                + " WHERE activity_id IN (" + placeholders(ids.length) + ") GROUP BY activity_id", rs -> {
            long id = rs.getLong("activity_id");
            standings.put(id, new Standing(taken.getOrDefault(id, 0), rs.getInt("n"), rs.getDouble("average")));
        }, ids);
        for (Object id : ids) {
            standings.putIfAbsent((Long) id, new Standing(taken.getOrDefault((Long) id, 0), 0, 0));
        }
        return standings;
    }

    void insertSignup(Signup s) {
        jdbc.update("""
                INSERT INTO signup (activity_id, name, phone, email, party_member, party_organisation, token, client_address,
                    signed_up_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SIGNED_UP')""",
                s.activityId(), s.name(), s.phone(), s.email(), s.partyMember(), s.partyOrganisation(), s.token(),
                s.clientAddress(), Timestamp.from(s.signedUpAt()));
    }

    public Optional<Signup> signup(long activityId, String phone) {
        return jdbc.query("SELECT * FROM signup WHERE activity_id = ? AND phone = ?", Activities::signup, activityId, phone)
                .stream().findFirst();
    }

    public Optional<Signup> signupByToken(String token) {
        return jdbc.query("SELECT * FROM signup WHERE token = ?", Activities::signup, token).stream().findFirst();
    }

    /** One page of the activity's sign-ups, in the order they came. */
    public Page<Signup> signups(long activityId, int page, int size) {
        return Page.of(page, size, count("SELECT COUNT(*) FROM signup WHERE activity_id = ?", activityId), (limit, offset) ->
                jdbc.query("SELECT * FROM signup WHERE activity_id = ? ORDER BY signed_up_at, id LIMIT " + limit + " OFFSET "
                        + offset, Activities::signup, activityId));
    }

    public List<Signup> signups(long activityId) {
        return jdbc.query("SELECT * FROM signup WHERE activity_id = ? ORDER BY signed_up_at, id", Activities::signup, activityId);
    }

    int signupsByPhoneSince(String phone, Instant since) {
        return count("SELECT COUNT(*) FROM signup WHERE phone = ? AND signed_up_at >= ?", phone, Timestamp.from(since));
    }

    int signupsByAddressSince(String address, Instant since) {
        return count("SELECT COUNT(*) FROM signup WHERE client_address = ? AND signed_up_at >= ?", address, Timestamp.from(since));
    }

    /** Marks the sign-up checked in unless it already is; false if someone else did it first (the row lock orders them). */
    boolean checkedIn(long signupId, Instant at) {
        return jdbc.update("UPDATE signup SET checked_in_at = ? WHERE id = ? AND checked_in_at IS NULL", Timestamp.from(at), signupId) == 1;
    }

    boolean mailed(long signupId, String kind) {
        return count("SELECT COUNT(*) FROM signup_mail WHERE signup_id = ? AND kind = ?", signupId, kind) > 0;
    }

    void recordMail(long signupId, String kind, Instant at) {
        jdbc.update("INSERT INTO signup_mail (signup_id, kind, sent_at) VALUES (?, ?, ?)", signupId, kind, Timestamp.from(at));
    }

    boolean groupMailed(long activityId, String kind, String recipient) {
        return count("SELECT COUNT(*) FROM group_mail WHERE activity_id = ? AND kind = ? AND recipient = ?", activityId, kind,
                recipient) > 0;
    }

    void recordGroupMail(long activityId, String kind, String recipient, Instant at) {
        jdbc.update("INSERT INTO group_mail (activity_id, kind, recipient, sent_at) VALUES (?, ?, ?, ?)", activityId, kind,
                recipient, Timestamp.from(at));
    }

    /** The person gave their place back. */
    void withdraw(long signupId) {
        jdbc.update("UPDATE signup SET status = 'WITHDRAWN' WHERE id = ? AND status = 'SIGNED_UP'", signupId);
    }

    /** The person who had withdrawn takes a place again, under the same personal link. */
    void rejoin(long signupId, String name, String email, boolean partyMember, String partyOrganisation, String clientAddress,
                Instant at) {
        jdbc.update("""
                UPDATE signup SET status = 'SIGNED_UP', name = ?, email = ?, party_member = ?, party_organisation = ?,
                    client_address = ?, signed_up_at = ? WHERE id = ? AND status = 'WITHDRAWN'""",
                name, email, partyMember, partyOrganisation, clientAddress, Timestamp.from(at), signupId);
    }

    /** Gives every place of the activity back. */
    void releaseAll(long activityId) {
        jdbc.update("UPDATE signup SET status = 'RELEASED' WHERE activity_id = ? AND status = 'SIGNED_UP'", activityId);
    }

    // ratings

    void insertRating(Rating r) {
        jdbc.update("INSERT INTO activity_rating (signup_id, activity_id, stars, comment, rated_at) VALUES (?, ?, ?, ?, ?)",
                r.signupId(), r.activityId(), r.stars(), r.comment(), Timestamp.from(r.ratedAt()));
    }

    public Optional<Rating> rating(long signupId) {
        return jdbc.query("SELECT * FROM activity_rating WHERE signup_id = ?", Activities::rating, signupId).stream().findFirst();
    }

    public List<Rating> ratings(long activityId) {
        return jdbc.query("SELECT * FROM activity_rating WHERE activity_id = ? ORDER BY rated_at", Activities::rating, activityId);
    }

    // photos

    /** A photo to add: its safe name, its recognised type and its bytes. */
    public record NewPhoto(String fileName, String contentType, byte[] content) {}

    /**
     * Takes the removed photos out and adds the new ones, if the activity then holds at most {@code max}; all
     * or nothing. The activity's row is locked while its photos are counted, so two submissions at the same
     * moment are counted one after the other. The number of photos afterwards, or -1 and nothing changed
     * if they would be too many.
     */
    @Transactional
    public int changePhotos(long activityId, List<Long> removed, List<NewPhoto> added, int max, String by, Instant at) {
        lock(activityId);
        List<Long> held = jdbc.queryForList("SELECT id FROM activity_photo WHERE activity_id = ?", Long.class, activityId);
        List<Long> going = held.stream().filter(removed::contains).toList();
        int kept = held.size() - going.size();
        if (kept + added.size() > max) {
            return -1;
        }
        going.forEach(photoId -> jdbc.update("DELETE FROM activity_photo WHERE id = ?", photoId));
        for (NewPhoto photo : added) {
            addPhoto(activityId, photo.fileName(), photo.contentType(), photo.content(), by, at);
        }
        return kept + added.size();
    }

    public long addPhoto(long activityId, String fileName, String contentType, byte[] content, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("""
                    INSERT INTO activity_photo (activity_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            s.setLong(1, activityId);
            s.setString(2, fileName);
            s.setString(3, contentType);
            s.setInt(4, content.length);
            s.setBytes(5, content);
            s.setString(6, by);
            s.setTimestamp(7, Timestamp.from(at));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    public List<Photo> photos(long activityId) {
        return jdbc.query("""
                SELECT id, activity_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                FROM activity_photo WHERE activity_id = ? ORDER BY id""", (rs, i) -> new Photo(rs.getLong("id"),
                rs.getLong("activity_id"), rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()), activityId);
    }

    public Optional<byte[]> photoContent(long activityId, long photoId) {
        return jdbc.query("SELECT content FROM activity_photo WHERE id = ? AND activity_id = ?",
                (rs, i) -> rs.getBytes("content"), photoId, activityId).stream().findFirst();
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Activity activity(ResultSet rs, int row) throws SQLException {
        return new Activity(rs.getLong("id"), rs.getString("business_key"), rs.getString("process_instance_id"),
                rs.getString("agreement_number"), rs.getString("quarter"), rs.getString("community_id"),
                rs.getString("community_name"), rs.getString("unit_id"), rs.getString("unit_name"), rs.getString("title"),
                rs.getString("kind"), rs.getString("description"), rs.getString("place"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), instant(rs, "signup_closes_at"), rs.getInt("places"), rs.getInt("volunteers"),
                rs.getBigDecimal("hours"), rs.getString("checkin_code"), rs.getString("status"),
                rs.getString("status_reason"), instant(rs, "published_at"), instant(rs, "evidence_due_at"),
                rs.getString("evidence_summary"), instant(rs, "evidence_at"), instant(rs, "ended_at"));
    }

    private static Signup signup(ResultSet rs, int row) throws SQLException {
        return new Signup(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("name"), rs.getString("phone"),
                rs.getString("email"), rs.getBoolean("party_member"), rs.getString("party_organisation"),
                rs.getString("token"), rs.getString("client_address"), instant(rs, "signed_up_at"), rs.getString("status"),
                instant(rs, "checked_in_at"));
    }

    private static Rating rating(ResultSet rs, int row) throws SQLException {
        return new Rating(rs.getLong("signup_id"), rs.getLong("activity_id"), rs.getInt("stars"), rs.getString("comment"),
                instant(rs, "rated_at"));
    }
}
