package org.gongjian.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review's public notice without its process: the objection page refuses what it must (too long, outside the
 * window, too many from one phone or network) and stores nothing then; the board shows the result and the answers
 * but no person; the unit's page is for its unit, community, supervising body and the street committee; the ranking
 * for the street committee. Filing an objection that reaches a running process is the process test's.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class ReviewNoticePagesTest {

    static final RequestPostProcessor SCHOOL_LIAISON = person("yangxue", "unit-school-liaison");
    static final RequestPostProcessor HOSPITAL_LIAISON = person("linna", "unit-hospital-liaison");
    static final RequestPostProcessor SECRETARY = person("wangfang", "community-heping-secretary");
    static final RequestPostProcessor STREET = person("lihua", "street-committee");
    static final RequestPostProcessor EDUCATION = person("gaojun", "supervisor-education");
    static final RequestPostProcessor HEALTH = person("luoping", "supervisor-health");
    static final Pattern ANY_MOBILE_NUMBER = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    /** A Wednesday, years after the reviews other tests make, so that these are the board's latest. */
    static final Instant NOW = Instant.parse("2031-04-16T02:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ReviewCalendar calendar;
    @Autowired ReviewNotices notices;
    @Autowired WorkingDays workingDays;
    @Autowired PublicNoticeSettings settings;

    final List<Long> made = new ArrayList<>();
    String tag;
    String period;

    @BeforeEach
    void onADayOfNotice() {
        TestClock.at(NOW);
        tag = UUID.randomUUID().toString().substring(0, 8);
        period = "2031-Q" + ThreadLocalRandom.current().nextInt(1, 5);
    }

    @AfterEach
    void removeTheReviewsMadeHere() {
        for (long id : made) {
            jdbc.update("DELETE FROM review_objection WHERE review_id = ?", id);
            jdbc.update("DELETE FROM review_rating WHERE review_id = ?", id);
            jdbc.update("DELETE FROM review WHERE id = ?", id);
        }
    }

    @Test
    void anObjectionOfOneHundredKilobytesIsRefusedNamingTheField() throws Exception {
        long id = onNotice("school", "新华第一实验小学", null);
        String refused = object(id, "钱小满", phone(), "x".repeat(100 * 1024), address())
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("text: at most 2000 characters", "异议内容不能超过 2000 个字")
                // not carried back to the page
                .doesNotContain("x".repeat(3000));
        object(id, "钱小满", phone(), "异".repeat(2001), address()).andExpect(status().isBadRequest());
        // a body beyond any objection is refused before anything reads it
        object(id, "钱小满", phone(), "x".repeat(1100 * 1024), address()).andExpect(status().isPayloadTooLarge());
        object(id, "", phone(), "成绩不实", address()).andExpect(status().isBadRequest());
        assertThat(object(id, "钱小满", "12345", "成绩不实", address()).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString()).contains("phone: an 11-digit mobile number");
        assertThat(objections(id)).isZero();
    }

    @Test
    void outsideTheWindowAnObjectionIsRefusedWithASentence() throws Exception {
        long closed = review("school", "新华第一实验小学", "FINAL", NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(2)), null);
        String page = object(closed, "钱小满", phone(), "成绩不实", address()).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("现不在公示期内，不能提出异议", "objections may be filed only while the result is on notice");
        assertThat(mvc.perform(get(objectionPage(closed))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("objections are closed").doesNotContain("name=\"text\"");
        // the last moment of the window has passed, though the process has not moved on yet
        long ending = review("school", "新华第一实验小学", "NOTICE", NOW.minus(Duration.ofDays(7)), NOW, null);
        object(ending, "钱小满", phone(), "成绩不实", address()).andExpect(status().isConflict());
        // not approved yet: nothing is public
        long unpublished = review("school", "新华第一实验小学", "APPROVAL", null, null, null);
        mvc.perform(get(objectionPage(unpublished))).andExpect(status().isNotFound());
        object(unpublished, "钱小满", phone(), "成绩不实", address()).andExpect(status().isNotFound());
        assertThat(objections(closed) + objections(ending) + objections(unpublished)).isZero();
    }

    @Test
    void anObjectionIsLimitedPerPhoneAndPerAddress() throws Exception {
        long id = onNotice("school", "新华第一实验小学", null);
        String phone = phone();
        for (int i = 0; i < settings.objectionsPerPhonePerDay(); i++) {
            stored(id, "钱小满", phone, "第 " + i + " 条异议", address(), NOW.minus(Duration.ofHours(20)), null, null);
        }
        String refused = object(id, "钱小满", phone, "再提一条", address()).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("该手机号 24 小时内提出异议已达上限");
        assertThat(objections(id)).isEqualTo(settings.objectionsPerPhonePerDay());

        String address = address();
        for (int i = 0; i < settings.objectionsPerAddressPerHour(); i++) {
            stored(id, "居民" + i, phone(), "异议 " + i, address, NOW.minus(Duration.ofMinutes(30)), null, null);
        }
        object(id, "孙八", phone(), "再提一条", address).andExpect(status().isTooManyRequests());
        assertThat(objections(id)).isEqualTo(settings.objectionsPerPhonePerDay() + settings.objectionsPerAddressPerHour());
    }

    @Test
    void anObjectionTheProcessCannotTakeIsNotKept() throws Exception {
        // the record says the window is open, but no process listens for the objection
        long id = onNotice("school", "新华第一实验小学", "no-such-instance-" + tag);
        String page = object(id, "钱小满", phone(), "成绩不实", address()).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("暂不能受理异议");
        assertThat(objections(id)).isZero();
    }

    @Test
    void theBoardShowsTheResultAndTheAnswersButNoPerson() throws Exception {
        long id = onNotice("school", "新华第一实验小学", null);
        jdbc.update("UPDATE review SET computed_score = 82.5, computed_grade = '良好', assessed_score = 85.0 WHERE id = ?", id);
        String objector = "欧阳" + tag;
        String phone = phone();
        stored(id, objector, phone, "异议内容 " + tag, address(), NOW.minus(Duration.ofHours(5)), "答复：活动记录已核实 " + tag, true);
        stored(id, "司马" + tag, phone(), "另一条异议 " + tag, address(), NOW.minus(Duration.ofHours(2)), null, null);

        String board = mvc.perform(get("/board/heping")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        String section = board.substring(board.indexOf("id=\"review-results\""), board.indexOf("<h2>积分"));
        String result = section.substring(section.indexOf("id=\"review-" + id + "\""));
        assertThat(result).contains("新华第一实验小学", period, "82.5", "良好", "85.0", "公示中",
                "2031-04-15 至 2031-04-22", "答复：活动记录已核实 " + tag, "异议成立", "1 项异议待答复",
                "href=\"/board/heping/reviews/" + id + "/objection\"");
        assertThat(board).doesNotContain(objector, phone, "异议内容 " + tag, "司马" + tag, "另一条异议 " + tag);
        assertThat(ANY_MOBILE_NUMBER.matcher(section).find()).isFalse();
        // after the window: no link to object
        jdbc.update("UPDATE review SET state = 'FINAL', notice_until = ? WHERE id = ?",
                Timestamp.from(NOW.minus(Duration.ofHours(1))), id);
        assertThat(mvc.perform(get("/board/heping")).andReturn().getResponse().getContentAsString())
                .doesNotContain("/reviews/" + id + "/objection");
    }

    @Test
    void theUnitsPageIsForTheUnitItsCommunityItsSupervisorAndTheStreetCommittee() throws Exception {
        long id = onNotice("school", "新华第一实验小学", null);
        jdbc.update("UPDATE review SET self_report = ?, computed_score = 71.0, computed_grade = '合格' WHERE id = ?",
                "本季度开展周末课堂六次 " + tag, id);
        jdbc.update("""
                INSERT INTO review_rating (review_id, representative_id, representative_name, state, stars, comment, rated_at)
                VALUES (?, 'zhaoguiying', '赵桂英', 'RATED', 4, ?, ?)""", id, "课堂很受欢迎 " + tag, Timestamp.from(NOW));
        String objector = "欧阳" + tag;
        String phone = phone();
        stored(id, objector, phone, "周末课堂只开了四次 " + tag, address(), NOW.minus(Duration.ofHours(3)),
                "经核实开展六次，异议不成立 " + tag, false);

        String page = unitPage(id, SCHOOL_LIAISON);
        assertThat(page).contains("新华第一实验小学", period, "71.0", "合格", "本季度开展周末课堂六次 " + tag, "赵桂英", "4 ★",
                "课堂很受欢迎 " + tag, "周末课堂只开了四次 " + tag, "经核实开展六次，异议不成立 " + tag, "异议不成立",
                "区教育局党委", "2031-04-22");
        assertThat(page).doesNotContain(objector, phone);
        unitPage(id, SECRETARY);
        unitPage(id, STREET);
        unitPage(id, EDUCATION);

        mvc.perform(get("/reviews/" + id).with(HOSPITAL_LIAISON)).andExpect(status().isForbidden());
        mvc.perform(get("/reviews/" + id).with(HEALTH)).andExpect(status().isForbidden());
        mvc.perform(get("/reviews/" + id).with(person("sunli", "community-yangguang-secretary")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reviews/" + id).with(person("zhaoguiying", "residents-heping"))).andExpect(status().isForbidden());
        mvc.perform(get("/reviews/" + id)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        long unknown = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM review", Long.class) + 1000;
        mvc.perform(get("/reviews/" + unknown).with(STREET)).andExpect(status().isNotFound());
    }

    @Test
    void theStreetCommitteeRanksTheCommunitysUnitsByScore() throws Exception {
        long school = onNotice("school", "新华第一实验小学", null);
        long hospital = onNotice("hospital", "市第二人民医院", null);
        long software = onNotice("software", "星辰软件有限公司", null);
        jdbc.update("UPDATE review SET computed_score = 71.0, computed_grade = '合格' WHERE id = ?", school);
        jdbc.update("UPDATE review SET computed_score = 66.0, computed_grade = '合格', final_score = 91.5, final_grade = '优秀'"
                + " WHERE id = ?", hospital);
        jdbc.update("UPDATE review SET computed_score = 58.0, computed_grade = '不合格' WHERE id = ?", software);

        String page = mvc.perform(get("/reviews/ranking").param("community", "heping").param("period", period).with(STREET))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = page.substring(page.indexOf("id=\"ranking\""));
        assertThat(table.indexOf("市第二人民医院")).isLessThan(table.indexOf("新华第一实验小学"));
        assertThat(table.indexOf("新华第一实验小学")).isLessThan(table.indexOf("星辰软件有限公司"));
        assertThat(table).contains("91.5", "优秀", "href=\"/reviews/" + school + "\"");

        mvc.perform(get("/reviews/ranking").param("community", "heping").with(SECRETARY)).andExpect(status().isForbidden());
        mvc.perform(get("/reviews/ranking").param("community", "nowhere-" + tag).with(STREET)).andExpect(status().isNotFound());
    }

    @Test
    void theNoticeEndsAtTheEndOfTheFifthWorkingDayAsTheTimerReadsIt() {
        long id = review("school", "新华第一实验小学", "APPROVAL", null, null, null);
        // Wednesday 16 April 2031: Thu 17, Fri 18, Mon 21, Tue 22, Wed 23
        notices.open(id, NOW, workingDays.noticeUntil(NOW));
        assertThat(calendar.noticeEnds(id)).isEqualTo("2031-04-24T00:00:00+08:00");
        assertThat(jdbc.queryForObject("SELECT state FROM review WHERE id = ?", String.class, id)).isEqualTo("NOTICE");
    }

    @Test
    void theShippedCalendarHasThe2027HolidaysAndMakeUpDays() {
        assertThat(settings.noticeDays()).isEqualTo(5);
        assertThat(settings.holidays()).contains(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-02-05"),
                LocalDate.parse("2027-04-05"), LocalDate.parse("2027-06-09"), LocalDate.parse("2027-09-15"),
                LocalDate.parse("2027-10-01"));
        assertThat(settings.makeUpWorkdays()).contains(LocalDate.parse("2027-09-26"));
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2027-10-04"))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2027-10-09"))).isTrue();
    }

    // the record as the process would have left it

    private long onNotice(String unitId, String unitName, String processInstanceId) {
        return review(unitId, unitName, "NOTICE", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(6)),
                processInstanceId);
    }

    private long review(String unitId, String unitName, String state, Instant from, Instant until, String processInstanceId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String businessKey = unitId + "/" + period + "-" + tag + "-" + made.size();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO review (business_key, process_instance_id, unit_id, unit_name, community_id, community_name,
                        agreement_number, period, kind, period_start, period_end, state, notice_from, notice_until, started_at)
                    VALUES (?, ?, ?, ?, 'heping', '和平社区', ?, ?, 'QUARTERLY', ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, businessKey);
            ps.setString(2, processInstanceId);
            ps.setString(3, unitId);
            ps.setString(4, unitName);
            ps.setString(5, "GJ-TEST-" + tag);
            ps.setString(6, period);
            ps.setObject(7, LocalDate.parse("2031-01-01"));
            ps.setObject(8, LocalDate.parse("2031-04-01"));
            ps.setString(9, state);
            ps.setTimestamp(10, from == null ? null : Timestamp.from(from));
            ps.setTimestamp(11, until == null ? null : Timestamp.from(until));
            ps.setTimestamp(12, Timestamp.from(NOW.minus(Duration.ofDays(15))));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        made.add(id);
        return id;
    }

    private void stored(long reviewId, String name, String phone, String text, String address, Instant filedAt,
                        String answer, Boolean upheld) {
        jdbc.update("""
                INSERT INTO review_objection (review_id, name, phone, text, client_address, filed_at, answer, upheld,
                    answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                reviewId, name, phone, text, address, Timestamp.from(filedAt), answer, upheld,
                answer == null ? null : "lihua", answer == null ? null : Timestamp.from(filedAt.plus(Duration.ofHours(1))));
    }

    private ResultActions object(long reviewId, String name, String phone, String text, String address) throws Exception {
        // a body as a browser sends it, so that the public pages' size limit sees its length
        String body = "name=" + encode(name) + "&phone=" + encode(phone) + "&text=" + encode(text);
        return mvc.perform(post(objectionPage(reviewId)).with(csrf()).with(from(address))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String unitPage(long id, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/reviews/" + id).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private int objections(long reviewId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM review_objection WHERE review_id = ?", Integer.class, reviewId);
    }

    private static String objectionPage(long reviewId) {
        return "/board/heping/reviews/" + reviewId + "/objection";
    }

    private static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static RequestPostProcessor person(String id, String group) {
        return user(id).authorities(() -> "GROUP_" + group);
    }
}
