package org.gongjian.review;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.gongjian.review.ObjectionRefusedException.Reason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.gongjian.review.ReviewProcess.OBJECTIONS_OPEN;
import static org.gongjian.review.ReviewProcess.OBJECTION_FILED;
import static org.gongjian.review.ReviewProcess.OBJECTION_ID;

/**
 * Objections to a review's result on notice (table {@code review_objection}): anyone may file one during the notice
 * window, without an account, within limits per phone and per network address; each becomes a task for the street
 * committee, whose answer is shown on the board. The process's {@code objectionsOpen} is the number of the review's
 * objections not yet answered, counted from this table whenever one is filed or answered.
 */
@Service
public class ReviewObjections {

    public static final int NAME = 50;
    public static final int PHONE = 20;
    public static final int TEXT = 2000;
    /** Mainland mobile numbers, as on the activity sign-up: eleven digits starting 13–19. */
    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** What a person types on the objection page. */
    public record Request(String name, String phone, String text) {}

    /** An objection as stored; the name and phone are for the street committee, never for the board. */
    public record Objection(long id, long reviewId, String name, String phone, String text, Instant filedAt,
                            String answer, Boolean upheld, String answeredBy, Instant answeredAt) {
        public boolean answered() {
            return answeredAt != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final ReviewNotices notices;
    private final RuntimeService runtime;
    private final PublicNoticeSettings settings;
    private final WorkingDays workingDays;

    ReviewObjections(JdbcTemplate jdbc, ReviewNotices notices, RuntimeService runtime, PublicNoticeSettings settings,
                     WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.runtime = runtime;
        this.settings = settings;
        this.workingDays = workingDays;
    }

    /**
     * Files an objection to the review's result and hands it to the review's process (message
     * {@code reviewObjectionFiled} with {@code objectionId} on the event sub-process it starts), or refuses it with
     * the reason; a refusal stores nothing.
     */
    @Transactional
    public Objection file(long reviewId, Request request, String clientAddress, Instant now) {
        String name = text(request.name(), "name", "姓名", NAME);
        String phone = text(request.phone(), "phone", "手机号", PHONE).replace(" ", "").replace("-", "");
        if (!MOBILE.matcher(phone).matches()) {
            throw invalid("phone", "手机号应为 11 位数字，以 1 开头 (phone: an 11-digit mobile number)");
        }
        String text = text(request.text(), "text", "异议内容", TEXT);

        Reviews.Review review = notices.lock(reviewId);
        if (!inWindow(review, now)) {
            throw new ObjectionRefusedException(Reason.CLOSED, null, closedSentence(review));
        }
        if (countSince("phone", phone, now.minus(Duration.ofDays(1))) >= settings.objectionsPerPhonePerDay()) {
            throw new ObjectionRefusedException(Reason.TOO_MANY, "phone", "该手机号 24 小时内提出异议已达上限 "
                    + settings.objectionsPerPhonePerDay() + " 次，请明天再试 (too many objections from this phone today)");
        }
        if (countSince("client_address", clientAddress, now.minus(Duration.ofHours(1)))
                >= settings.objectionsPerAddressPerHour()) {
            throw new ObjectionRefusedException(Reason.TOO_MANY, null,
                    "本网络一小时内提出异议次数过多，请稍后再试 (too many objections from this network address)");
        }
        if (review.processInstanceId() == null) {
            throw notListening();
        }
        long id = insert(reviewId, name, phone, text, clientAddress, now);
        try {
            runtime.createMessageCorrelation(OBJECTION_FILED)
                    .processInstanceId(review.processInstanceId())
                    .setVariableToTriggeredScope(OBJECTION_ID, id)
                    .correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            // the window is open in the record but the process does not listen: nothing is kept, the person told
            throw notListening();
        }
        runtime.setVariable(review.processInstanceId(), OBJECTIONS_OPEN, unanswered(reviewId));
        return find(id).orElseThrow();
    }

    /** Whether the review's result is on notice at {@code now}: from its opening until the end of its last day. */
    public static boolean inWindow(Reviews.Review review, Instant now) {
        return "NOTICE".equals(review.state()) && review.noticeFrom() != null && review.noticeUntil() != null
                && !now.isBefore(review.noticeFrom()) && now.isBefore(review.noticeUntil());
    }

    /** Records the street committee's answer; the caller runs inside the answering task's completion. */
    void answer(long objectionId, boolean upheld, String answer, String answeredBy, Instant at) {
        Objection objection = find(objectionId).orElseThrow(() -> new IllegalStateException("no objection " + objectionId));
        notices.lock(objection.reviewId());
        int updated = jdbc.update("""
                UPDATE review_objection SET answer = ?, upheld = ?, answered_by = ?, answered_at = ?
                WHERE id = ? AND answered_at IS NULL""", answer, upheld, answeredBy, Timestamp.from(at), objectionId);
        if (updated != 1) {
            throw new IllegalStateException("objection " + objectionId + " has been answered already");
        }
    }

    public Optional<Objection> find(long id) {
        return jdbc.query("SELECT * FROM review_objection WHERE id = ?", ReviewObjections::objection, id).stream()
                .findFirst();
    }

    /** The review's objections in the order they were filed. */
    public List<Objection> ofReview(long reviewId) {
        return jdbc.query("SELECT * FROM review_objection WHERE review_id = ? ORDER BY id", ReviewObjections::objection,
                reviewId);
    }

    /** The review's objections filed since {@code from} (its current notice) that the street committee upheld. */
    public List<Objection> upheldSince(long reviewId, Instant from) {
        return jdbc.query("""
                SELECT * FROM review_objection WHERE review_id = ? AND filed_at >= ? AND upheld = TRUE ORDER BY id""",
                ReviewObjections::objection, reviewId, Timestamp.from(from));
    }

    /** How many of the review's objections wait for their answer. */
    public int unanswered(long reviewId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM review_objection WHERE review_id = ? AND answered_at IS NULL",
                Integer.class, reviewId);
    }

    private int countSince(String column, String value, Instant since) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM review_objection WHERE " + column + " = ? AND filed_at >= ?",
                Integer.class, value, Timestamp.from(since));
    }

    private long insert(long reviewId, String name, String phone, String text, String clientAddress, Instant now) {
        var key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO review_objection (review_id, name, phone, text, client_address, filed_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setLong(1, reviewId);
            ps.setString(2, name);
            ps.setString(3, phone);
            ps.setString(4, text);
            ps.setString(5, clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private static ObjectionRefusedException notListening() {
        return new ObjectionRefusedException(Reason.CLOSED, null,
                "此项考核结果暂不能受理异议，请稍后再试 (this review cannot take objections right now; try again later)");
    }

    private String closedSentence(Reviews.Review review) {
        if (review.noticeFrom() == null || review.noticeUntil() == null) {
            return "此项考核结果尚未公示，不能提出异议 (this result is not on public notice; objections are not open)";
        }
        String from = review.noticeFrom().atZone(workingDays.zone()).toLocalDate().toString();
        String last = workingDays.lastDay(review.noticeUntil()).toString();
        return "公示期为 " + from + " 至 " + last + "，现不在公示期内，不能提出异议 (objections may be filed only while the"
                + " result is on notice, " + from + " to " + last + ")";
    }

    private static String text(String value, String field, String label, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw invalid(field, label + "不能为空 (" + field + ": required)");
        }
        if (text.length() > max) {
            throw new ObjectionRefusedException(Reason.INVALID, field,
                    label + "不能超过 " + max + " 个字 (" + field + ": at most " + max + " characters)", true);
        }
        return text;
    }

    private static ObjectionRefusedException invalid(String field, String message) {
        return new ObjectionRefusedException(Reason.INVALID, field, message);
    }

    private static Objection objection(ResultSet rs, int row) throws SQLException {
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        boolean upheld = rs.getBoolean("upheld");
        Boolean upheldOrNull = rs.wasNull() ? null : upheld;
        return new Objection(rs.getLong("id"), rs.getLong("review_id"), rs.getString("name"), rs.getString("phone"),
                rs.getString("text"), rs.getTimestamp("filed_at").toInstant(), rs.getString("answer"), upheldOrNull,
                rs.getString("answered_by"), answeredAt == null ? null : answeredAt.toInstant());
    }
}
