package org.gongjian.activity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.Activities.Signup;
import org.gongjian.activity.SignupRefusedException.Reason;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do on the public pages, without an account: sign up, check in at the venue, rate
 * what they took part in. Every rule lives here; the pages only show the outcome. A refusal
 * throws {@link SignupRefusedException} and changes nothing.
 */
@Service
public class ActivitySignups {

    /** Mainland mobile numbers: eleven digits starting 13–19. */
    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    public static final List<String> ORGANISATIONS = List.of("IN_SERVICE", "RETIRED", "MOBILE", "TWO_NEW");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Activities activities;
    private final PointsLedger ledger;
    private final ActivitySettings settings;
    private final ZoneId zone;

    ActivitySignups(Activities activities, PointsLedger ledger, ActivitySettings settings,
                    @Value("${gongjian.zone}") String zone) {
        this.activities = activities;
        this.ledger = ledger;
        this.settings = settings;
        this.zone = ZoneId.of(zone);
    }

    /** What a person types on the sign-up page. */
    public record Request(String name, String phone, String email, boolean partyMember, String partyOrganisation) {}

    /** Signs the person up for one of the activity's places, or refuses with the reason. */
    @Transactional
    public Signup signUp(long activityId, Request request, String clientAddress, Instant now) {
        String name = text(request.name(), "name", "姓名", 50, true);
        String phone = text(request.phone(), "phone", "手机号", 20, true).replace(" ", "").replace("-", "");
        if (!PHONE.matcher(phone).matches()) {
            throw invalid("phone", "手机号应为 11 位数字，以 1 开头 (an 11-digit mobile number)");
        }
        String email = text(request.email(), "email", "电子邮箱", 200, false);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw invalid("email", "电子邮箱格式不对 (not an email address)");
        }
        String organisation = text(request.partyOrganisation(), "partyOrganisation", "组织关系", 16, false);
        if (request.partyMember() && !ORGANISATIONS.contains(organisation)) {
            throw invalid("partyOrganisation", "党员请选择组织关系：在职、退休、流动或两新组织 (choose one of " + ORGANISATIONS + ")");
        }
        if (!request.partyMember()) {
            organisation = null;
        }

        Activity activity = activities.lock(activityId);
        if (!activity.open()) {
            throw new SignupRefusedException(Reason.NOT_OPEN, null, "该活动未开放报名 (this activity is not open for sign-up)");
        }
        if (!now.isBefore(activity.signupClosesAt())) {
            throw new SignupRefusedException(Reason.CLOSED, null, "报名已截止 (sign-up has closed)");
        }
        Optional<Signup> earlier = activities.signup(activityId, phone);
        if (earlier.isPresent() && !Activities.WITHDRAWN.equals(earlier.get().status())) {
            throw new SignupRefusedException(Reason.DUPLICATE, "phone", "该手机号已报名本活动，无需重复报名 (this phone number has already signed up)");
        }
        if (activities.signupsByPhoneSince(phone, now.minus(Duration.ofDays(1))) >= settings.signupsPerPhonePerDay()) {
            throw new SignupRefusedException(Reason.TOO_MANY, "phone", "该手机号 24 小时内报名次数已达上限 "
                    + settings.signupsPerPhonePerDay() + " 次，请明天再试 (too many sign-ups for this phone today)");
        }
        if (activities.signupsByAddressSince(clientAddress, now.minus(Duration.ofHours(1))) >= settings.signupsPerAddressPerHour()) {
            throw new SignupRefusedException(Reason.TOO_MANY, null, "本网络一小时内报名次数过多，请稍后再试 (too many sign-ups from this address)");
        }
        if (activities.placesTaken(activityId) >= activity.places()) {
            throw new SignupRefusedException(Reason.FULL, null, "名额已满 (no places left)");
        }
        if (earlier.isPresent()) {
            activities.rejoin(earlier.get().id(), name, email.isEmpty() ? null : email, request.partyMember(), organisation,
                    clientAddress, now);
            return activities.signup(activityId, phone).orElseThrow();
        }
        Signup signup = new Signup(0, activityId, name, phone, email.isEmpty() ? null : email, request.partyMember(),
                organisation, token(), clientAddress, now, Activities.SIGNED_UP, null);
        try {
            activities.insertSignup(signup);
        } catch (DuplicateKeyException raced) {
            throw new SignupRefusedException(Reason.DUPLICATE, "phone", "该手机号已报名本活动，无需重复报名 (this phone number has already signed up)");
        }
        return activities.signup(activityId, phone).orElseThrow();
    }

    /**
     * Checks in a signed-up person who scanned the venue's code, on the day of the activity only, and
     * posts their points. A second check-in of the same number is refused as already done and changes nothing.
     */
    @Transactional
    public Signup checkIn(long activityId, String code, String phone, Instant now) {
        Activity activity = activities.find(activityId).orElseThrow(() -> new ActivityNotFoundException(activityId));
        if (code == null || !MessageDigest.isEqual(code.getBytes(), activity.checkinCode().getBytes())) {
            throw new SignupRefusedException(Reason.INVALID, "code", "签到码无效，请扫描活动现场的二维码 (scan the code shown at the venue)");
        }
        if (!activity.open()) {
            throw new SignupRefusedException(Reason.NOT_OPEN, null, "该活动已" + statusWord(activity.status()) + "，不能签到 (check-in is closed)");
        }
        LocalDate day = LocalDate.ofInstant(activity.startsAt(), zone);
        if (!LocalDate.ofInstant(now, zone).equals(day)) {
            throw new SignupRefusedException(Reason.WRONG_DAY, null, "签到仅限活动当天（" + day + "） (check-in is only on the day)");
        }
        String number = phone == null ? "" : phone.trim().replace(" ", "").replace("-", "");
        if (!PHONE.matcher(number).matches()) {
            throw invalid("phone", "手机号应为 11 位数字，以 1 开头 (an 11-digit mobile number)");
        }
        Signup signup = activities.signup(activityId, number)
                .filter(s -> Activities.SIGNED_UP.equals(s.status()))
                .orElseThrow(() -> new SignupRefusedException(Reason.NOT_SIGNED_UP, "phone",
                        "该手机号没有报名本活动 (this phone number has not signed up)"));
        // the conditional update takes the row's lock: of two check-ins at the same moment one marks it, the other
        // waits and then finds it marked, so the points are posted once and the second person hears why
        if (signup.checkedInAt() != null || !activities.checkedIn(signup.id(), now)) {
            throw new SignupRefusedException(Reason.ALREADY_CHECKED_IN, null, "该手机号已签到，无需重复签到 (already checked in)");
        }
        ledger.post(new PointsLedger.Posting("activity:" + activityId + ":check-in:" + signup.phone(), PointsLedger.PERSON,
                signup.phone(), signup.name(), activity.communityId(), activityId, settings.checkInPoints(),
                "参加活动签到：" + activity.title()), "check-in", now);
        return activities.signup(activityId, number).orElseThrow();
    }

    /** The person gives their place back, before the activity starts and unless they checked in. */
    @Transactional
    public Signup withdraw(long activityId, String token, Instant now) {
        Activity activity = activities.lock(activityId);
        Signup signup = activities.signupByToken(token == null ? "" : token).filter(s -> s.activityId() == activityId)
                .orElseThrow(() -> new SignupRefusedException(Reason.INVALID, "token", "个人链接无效 (this personal link is not valid)"));
        if (!Activities.SIGNED_UP.equals(signup.status())) {
            throw new SignupRefusedException(Reason.NOT_SIGNED_UP, null, "您已不在报名名单中 (you hold no place)");
        }
        if (signup.checkedInAt() != null || !activity.open() || !now.isBefore(activity.startsAt())) {
            throw new SignupRefusedException(Reason.CLOSED, null, "活动已开始或已签到，不能再取消报名 (too late to give the place back)");
        }
        activities.withdraw(signup.id());
        return activities.signupByToken(token).orElseThrow();
    }

    /** A rating from someone who checked in, once, after the activity started. */
    @Transactional
    public Activities.Rating rate(String token, int stars, String comment, Instant now) {
        Signup signup = activities.signupByToken(token == null ? "" : token)
                .orElseThrow(() -> new SignupRefusedException(Reason.INVALID, "token", "评价链接无效 (this rating link is not valid)"));
        Activity activity = activities.find(signup.activityId()).orElseThrow();
        if (signup.checkedInAt() == null) {
            throw new SignupRefusedException(Reason.NOT_SIGNED_UP, null, "只有签到参加的人可以评价 (only people who checked in may rate)");
        }
        if (now.isBefore(activity.startsAt())) {
            throw new SignupRefusedException(Reason.NOT_OPEN, null, "活动开始后才能评价 (rate after the activity started)");
        }
        if (stars < 1 || stars > 5) {
            throw invalid("stars", "评分应为 1 到 5 星 (1 to 5 stars)");
        }
        String text = text(comment, "comment", "评价", 500, false);
        if (activities.rating(signup.id()).isPresent()) {
            throw new SignupRefusedException(Reason.ALREADY_RATED, null, "您已评价过本活动 (already rated)");
        }
        Activities.Rating rating = new Activities.Rating(signup.id(), activity.id(), stars, text.isEmpty() ? null : text, now);
        try {
            activities.insertRating(rating);
        } catch (DuplicateKeyException raced) {
            throw new SignupRefusedException(Reason.ALREADY_RATED, null, "您已评价过本活动 (already rated)");
        }
        return rating;
    }

    /** A phone number as the public board shows it: 138****5678. */
    public static String maskPhone(String phone) {
        return phone == null || phone.length() < 8 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** A name as the public board shows it: 张*, 欧阳** . */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "*";
        }
        int first = name.codePointAt(0);
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }

    public static String statusWord(String status) {
        return switch (status) {
            case Activities.PLANNED -> "待发布";
            case Activities.PUBLISHED -> "报名中";
            case Activities.EVIDENCE -> "待核实";
            case Activities.KEPT -> "已完成";
            case Activities.CANCELLED -> "取消";
            case Activities.MISSED -> "未履约";
            case Activities.UNVERIFIED -> "未核实";
            default -> status;
        };
    }

    static String token() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String text(String value, String field, String label, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw invalid(field, label + "不能为空 (required)");
        }
        if (text.length() > max) {
            throw invalid(field, label + "不能超过 " + max + " 个字 (at most " + max + " characters)");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw invalid(field, label + "含有不可见字符 (contains control characters)");
        }
        return text;
    }

    private static SignupRefusedException invalid(String field, String message) {
        return new SignupRefusedException(Reason.INVALID, field, message);
    }
}
