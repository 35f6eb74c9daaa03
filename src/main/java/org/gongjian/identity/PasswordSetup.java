package org.gongjian.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.escalation.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to set a password, for people the directory import created without one. The
 * link carries a random token; the table keeps only its SHA-256, when it expires, and when it was
 * used. A link works once, before it expires.
 */
@Service
public class PasswordSetup {

    static final Duration VALID_FOR = Duration.ofDays(3);
    static final int MIN_LENGTH = 10;

    private static final Logger log = LoggerFactory.getLogger(PasswordSetup.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final OutgoingMail mail;
    private final Clock clock;
    private final String baseUrl;

    PasswordSetup(JdbcTemplate jdbc, IdentityService identity, OutgoingMail mail, Clock clock,
                  @Value("${gongjian.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The link is unknown, used or expired; or the password is too weak. The message says which. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Mails a link to each user the import has just created, and to each earlier imported user
     * who never used a link and has none open (it expired, or its mail failed). An import run twice
     * therefore mails once; someone who set a password gets no new link.
     */
    List<String> offerLinks(List<String> userIds, List<String> created) {
        List<String> mailed = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (String userId : userIds) {
            User user = identity.createUserQuery().userId(userId).singleResult();
            if (user == null || !(created.contains(userId) || waitingForANewLink(userId, now))) {
                continue;
            }
            String token = newToken();
            jdbc.update("INSERT INTO password_setup_token (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    hash(token), userId, now, Timestamp.from(clock.instant().plus(VALID_FOR)));
            try {
                sendLink(user, token);
                mailed.add(userId);
            } catch (RuntimeException e) {
                // closed at once, so that the next import offers a link again
                jdbc.update("UPDATE password_setup_token SET expires_at = created_at WHERE token_hash = ?", hash(token));
                log.warn("Password link for '{}' could not be mailed: {}", userId, e.getMessage());
            }
        }
        return mailed;
    }

    private boolean waitingForANewLink(String userId, Timestamp now) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT COUNT(*) > 0 AND COUNT(used_at) = 0 AND SUM(CASE WHEN expires_at > ? THEN 1 ELSE 0 END) = 0
                FROM password_setup_token WHERE user_id = ?""", Boolean.class, now, userId));
    }

    /** A password nobody knows, for a user who has yet to choose one. */
    static String unknowable() {
        return newToken() + newToken();
    }

    /** The user a link is for, while it is open. */
    public Optional<String> userFor(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT user_id FROM password_setup_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""",
                (rs, i) -> rs.getString(1), hash(token), Timestamp.from(clock.instant())).stream().findFirst();
    }

    /** Sets the password of the link's user and closes the link; a second use is refused. */
    @Transactional
    public String setPassword(String token, String password) {
        String userId = userFor(token).orElseThrow(() -> new Refused(
                "此链接无效、已使用或已过期，请联系管理员。This link is unknown, used or expired; ask an administrator."));
        checkStrength(userId, password);
        int closed = jdbc.update("""
                UPDATE password_setup_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""",
                Timestamp.from(clock.instant()), hash(token), Timestamp.from(clock.instant()));
        if (closed != 1) {
            throw new Refused("此链接已使用。This link has already been used.");
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
        // whoever holds the link may log in at once, whatever wrong guesses came before
        identity.unlockUser(userId);
        log.info("Password set by '{}' through a one-time link", userId);
        return userId;
    }

    /** At least ten characters, letters and something else (digits or signs), not the user name. */
    static void checkStrength(String userId, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new Refused("密码至少 " + MIN_LENGTH + " 个字符。The password needs at least " + MIN_LENGTH + " characters.");
        }
        boolean letters = password.codePoints().anyMatch(Character::isLetter);
        boolean others = password.codePoints().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            throw new Refused("密码须同时包含字母和数字或符号。The password needs letters and digits or signs.");
        }
        if (password.toLowerCase().contains(userId.toLowerCase())) {
            throw new Refused("密码不能包含用户名。The password must not contain the user name.");
        }
    }

    private void sendLink(User user, String token) {
        String link = baseUrl + "/password-setup?token=" + token;
        String until = clock.instant().plus(VALID_FOR).atZone(clock.getZone()).toLocalDate().toString();
        String text = user.getFirstName() + "：\n\n"
                + "您的共建账号已开通，用户名：" + user.getId() + "。请在 " + until + " 前打开以下链接设置密码（仅可使用一次）：\n"
                + link + "\n\n"
                + "Your Gongjian account '" + user.getId() + "' is ready. Set your password with this link "
                + "before " + until + " (it works once):\n" + link + "\n";
        String html = "<p>" + escape(user.getFirstName()) + "：</p>"
                + "<p>您的共建账号已开通，用户名：<b>" + escape(user.getId()) + "</b>。请在 " + until
                + " 前设置密码（链接仅可使用一次）：<br><a href=\"" + escape(link) + "\">" + escape(link) + "</a></p>"
                + "<p>Your Gongjian account is ready; set your password before " + until + " (the link works once).</p>";
        mail.send(List.of(user.getEmail()), "共建：设置您的密码 · Set your Gongjian password", text, html);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
