package org.gongjian.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.gongjian.TestClock;
import org.gongjian.activity.Activities;

/**
 * Fresh activities of unit {@code school} in community {@code heping}, and phone numbers and
 * client addresses no other test uses: every test in a run shares one database.
 */
final class TestActivities {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L));

    private final Activities activities;

    TestActivities(Activities activities) {
        this.activities = activities;
    }

    static Instant now() {
        return TestClock.now();
    }

    /** Ten o'clock in the sub-district, some days from the engine's today. */
    static Instant tenOClock(int daysFromToday) {
        return LocalDate.ofInstant(now(), ZONE).plusDays(daysFromToday).atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    /** A published activity three days from now, sign-up open until the evening before. */
    long published(String title, int places) {
        Instant start = tenOClock(3);
        return published(title, places, start, start.minusSeconds(14 * 3600));
    }

    long published(String title, int places, Instant startsAt, Instant signupClosesAt) {
        return published("school", "新华第一实验小学", title, places, startsAt, signupClosesAt);
    }

    long published(String unitId, String unitName, String title, int places, Instant startsAt, Instant signupClosesAt) {
        long id = planned(unitId, unitName, title, places, startsAt, signupClosesAt);
        activities.publish(id, title, "志愿服务", "为社区老人义诊、量血压。\n请自带医保卡。", "和平社区党群服务中心", startsAt,
                startsAt.plusSeconds(2 * 3600), signupClosesAt, places, now());
        return id;
    }

    long planned(String title, int places, Instant startsAt, Instant signupClosesAt) {
        return planned("school", "新华第一实验小学", title, places, startsAt, signupClosesAt);
    }

    long planned(String unitId, String unitName, String title, int places, Instant startsAt, Instant signupClosesAt) {
        String key = "board-test/" + UUID.randomUUID();
        return activities.plan(new Activities.Plan(key, "pi-" + key, "GJ-TEST-BOARD", "2026Q4", "heping", "和平社区", unitId,
                unitName, title, "志愿服务", "和平社区党群服务中心", startsAt, startsAt.plusSeconds(2 * 3600),
                signupClosesAt, places, 3, new BigDecimal("2.0"), "code-" + UUID.randomUUID()));
    }

    String checkinCode(long id) {
        return activities.find(id).orElseThrow().checkinCode();
    }

    /** An eleven-digit mobile number not used before in this run. */
    static String phone() {
        return "139" + PHONES.incrementAndGet();
    }

    /** A client address of its own, so the per-address limit of one test never meets another's sign-ups. */
    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
