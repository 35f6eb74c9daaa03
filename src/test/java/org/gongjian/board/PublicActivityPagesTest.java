package org.gongjian.board;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.gongjian.TestClock;
import org.gongjian.GongjianTest;
import org.gongjian.activity.Activities;
import org.gongjian.activity.PointsLedger;
import org.gongjian.agreement.Agreements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-up, check-in and rating by someone without an account, the venue's QR code, and the public board. */
@GongjianTest
@ExtendWith(TestClock.class)
class PublicActivityPagesTest {

    private static final Pattern ANY_MOBILE_NUMBER = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    @Autowired MockMvc mvc;
    @Autowired Activities activities;
    @Autowired PointsLedger ledger;
    @Autowired Agreements agreements;
    @Value("${gongjian.base-url}") String baseUrl;

    TestActivities world;
    String address;

    @BeforeEach
    void aFreshNetworkAddress() {
        world = new TestActivities(activities);
        address = TestActivities.address();
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aPersonWhoCannotComeGivesThePlaceBackAndMayTakeItAgain() throws Exception {
        long id = world.published("剪纸课", 1);
        String phone = TestActivities.phone();
        String me = signUp(id, "周丽", phone).andReturn().getResponse().getRedirectedUrl();
        String token = me.substring(me.lastIndexOf('/') + 1, me.indexOf('?'));
        signUp(id, "吴刚", TestActivities.phone()).andExpect(status().isConflict());

        mvc.perform(post("/a/" + id + "/me/" + token + "/withdrawal").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/a/" + id + "/me/" + token + "?withdrawn"));
        assertThat(activities.placesTaken(id)).isZero();
        mvc.perform(get("/a/" + id + "/me/" + token)).andExpect(content().string(containsString("已取消报名")));
        mvc.perform(post("/a/" + id + "/me/" + token + "/withdrawal").with(csrf()))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("您已不在报名名单中")));

        // the same number takes the place again, under the same personal link
        signUp(id, "周丽", phone).andExpect(status().isFound()).andExpect(redirectedUrl("/a/" + id + "/me/" + token + "?new"));
        assertThat(activities.placesTaken(id)).isEqualTo(1);
    }

    @Test
    void nobodyGivesBackAPlaceOnceCheckedIn() throws Exception {
        Instant start = TestActivities.tenOClock(2);
        long id = world.published("社区运动会", 10, start, start.minusSeconds(3600));
        String phone = TestActivities.phone();
        String me = signUp(id, "郑伟", phone).andReturn().getResponse().getRedirectedUrl();
        String token = me.substring(me.lastIndexOf('/') + 1, me.indexOf('?'));
        TestClock.at(start.minusSeconds(600));
        checkIn(id, world.checkinCode(id), phone).andExpect(status().isOk());
        mvc.perform(post("/a/" + id + "/me/" + token + "/withdrawal").with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("不能再取消报名")));
        assertThat(activities.placesTaken(id)).isEqualTo(1);
    }

    @Test
    void residentsOnThePublicPagesSeeNoStaffLinks() throws Exception {
        mvc.perform(get("/board/heping")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/board")))
                .andExpect(content().string(not(containsString("/camunda/app/cockpit/"))))
                .andExpect(content().string(not(containsString("/camunda/app/admin/"))))
                .andExpect(content().string(not(containsString("/mailbox"))));
    }

    @Test
    void signingUpTakesAPlaceAndGivesAPersonalLink() throws Exception {
        long id = world.published("社区义诊", 5);
        mvc.perform(get("/a/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("社区义诊")))
                .andExpect(content().string(containsString("新华第一实验小学")))
                .andExpect(content().string(containsString("报名中")))
                .andExpect(content().string(containsString("5 / 5")));
        String phone = TestActivities.phone();

        String me = signUp(id, "王秀英", phone).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/a/" + id + "/me/*?new")).andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("报名成功")))
                .andExpect(content().string(containsString(baseUrl + me.substring(0, me.indexOf('?')))))
                .andExpect(content().string(containsString("王**")))
                .andExpect(content().string(containsString("未签到")))
                .andExpect(content().string(not(containsString(phone))));
        mvc.perform(get("/a/" + id)).andExpect(content().string(containsString("4 / 5")));
        assertThat(activities.placesTaken(id)).isEqualTo(1);
        assertThat(activities.signup(id, phone).orElseThrow().clientAddress()).isEqualTo(address);
    }

    @Test
    void aTwoPlaceActivityRefusesTheThirdPerson() throws Exception {
        long id = world.published("书法课", 2);
        signUp(id, "张三", TestActivities.phone()).andExpect(status().isFound());
        signUp(id, "李四", TestActivities.phone()).andExpect(status().isFound());

        signUp(id, "王五", TestActivities.phone()).andExpect(status().isConflict())
                .andExpect(content().string(containsString("名额已满")))
                .andExpect(content().string(containsString("value=\"王五\"")));
        assertThat(activities.placesTaken(id)).isEqualTo(2);
    }

    @Test
    void theSamePhoneSignsUpOnce() throws Exception {
        long id = world.published("健康讲座", 10);
        String phone = TestActivities.phone();
        signUp(id, "赵六", phone).andExpect(status().isFound());

        signUp(id, "赵六", phone).andExpect(status().isConflict())
                .andExpect(content().string(containsString("该手机号已报名本活动")));
        assertThat(activities.placesTaken(id)).isEqualTo(1);
    }

    @Test
    void noSignUpAfterTheClosingTime() throws Exception {
        long id = world.published("环境整治", 10, TestActivities.tenOClock(2), TestActivities.now().minusSeconds(60));

        signUp(id, "钱七", TestActivities.phone()).andExpect(status().isConflict())
                .andExpect(content().string(containsString("报名已截止")));
        assertThat(activities.signups(id)).isEmpty();
    }

    @Test
    void anInvalidPhoneNumberIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long id = world.published("读书会", 10);

        signUp(id, "孙八", "12345").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("手机号应为 11 位数字")))
                .andExpect(content().string(containsString("value=\"孙八\"")))
                .andExpect(content().string(containsString("value=\"12345\"")));
        assertThat(activities.signups(id)).isEmpty();
    }

    @Test
    void tooManySignUpsFromOneAddressAreRefused() throws Exception {
        long id = world.published("广场舞", 100);
        for (int i = 0; i < 30; i++) {
            signUp(id, "居民" + i, TestActivities.phone()).andExpect(status().isFound());
        }
        signUp(id, "居民三十", TestActivities.phone()).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("报名次数过多")));
        assertThat(activities.placesTaken(id)).isEqualTo(30);
    }

    @Test
    void aPlannedOrUnknownActivityIsNotPublic() throws Exception {
        long planned = world.planned("未发布的活动", 5, TestActivities.tenOClock(5), TestActivities.tenOClock(4));
        mvc.perform(get("/a/" + planned)).andExpect(status().isNotFound());
        signUp(planned, "周九", TestActivities.phone()).andExpect(status().isNotFound());
        mvc.perform(get("/a/999999999")).andExpect(status().isNotFound());
        assertThat(activities.signups(planned)).isEmpty();
    }

    @Test
    void overLongInputIsRefusedBeforeTheRules() throws Exception {
        long id = world.published("手工课", 10);
        mvc.perform(get("/a/" + id)).andExpect(content().string(containsString("maxlength=\"50\"")));

        signUp(id, "长".repeat(51), TestActivities.phone()).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("name: at most 50 characters")));
        mvc.perform(post("/a/" + id).with(csrf()).with(from(address)).param("name", "吴十").param("phone", TestActivities.phone())
                        .param("email", "x".repeat(300) + "@example.cn"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("email: at most 200 characters")));
        mvc.perform(post("/a/" + id).with(csrf()).with(from(address)).contentType("application/x-www-form-urlencoded")
                        .content("name=" + "a".repeat(20_000) + "&phone=13900000000"))
                .andExpect(status().isPayloadTooLarge());
        assertThat(activities.signups(id)).isEmpty();
    }

    @Test
    void aSignUpWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        long id = world.published("茶话会", 10);
        mvc.perform(post("/a/" + id).with(from(address)).param("name", "郑一").param("phone", TestActivities.phone()))
                .andExpect(status().isForbidden());
        assertThat(activities.signups(id)).isEmpty();
    }

    @Test
    void checkInOnlyOnTheDayWithTheVenuesCodeThenRate() throws Exception {
        Instant start = TestActivities.tenOClock(3);
        long id = world.published("关爱空巢老人", 10, start, start.minusSeconds(14 * 3600));
        String code = world.checkinCode(id);
        String phone = TestActivities.phone();
        String me = signUp(id, "陈静怡", phone).andReturn().getResponse().getRedirectedUrl();
        String token = me.substring(me.lastIndexOf('/') + 1, me.indexOf('?'));

        TestClock.at(start.minusSeconds(24 * 3600));
        mvc.perform(get("/a/" + id + "/checkin").param("c", code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("关爱空巢老人")));
        checkIn(id, code, phone).andExpect(status().isConflict()).andExpect(content().string(containsString("签到仅限活动当天")));
        assertThat(activities.signup(id, phone).orElseThrow().checkedInAt()).isNull();

        TestClock.at(start.minusSeconds(30 * 60));
        checkIn(id, "wrong-code", phone).andExpect(status().isBadRequest()).andExpect(content().string(containsString("签到码无效")));
        checkIn(id, code, TestActivities.phone()).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("该手机号没有报名本活动")));
        // on a phone other than the one that signed up, check-in works but does not reveal the person's link
        checkIn(id, code, phone).andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")))
                .andExpect(content().string(containsString("陈**"))).andExpect(content().string(not(containsString(token))));
        assertThat(activities.signup(id, phone).orElseThrow().checkedInAt()).isNotNull();
        mvc.perform(post("/a/" + id + "/checkin").with(csrf()).param("c", code).param("phone", phone)
                        .cookie(new jakarta.servlet.http.Cookie("gongjian_signup_" + id, token)))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/a/" + id + "/me/*?checkedIn"));
        assertThat(ledger.balance(PointsLedger.PERSON, phone)).isPositive();
        mvc.perform(get("/a/" + id + "/me/" + token + "?checkedIn")).andExpect(content().string(containsString("签到成功")))
                .andExpect(content().string(containsString("/a/" + id + "/rate/" + token)));

        TestClock.at(start.plusSeconds(3 * 3600));
        mvc.perform(post("/a/" + id + "/rate/" + token).with(csrf()).param("stars", "9"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("1 到 5 星")));
        mvc.perform(post("/a/" + id + "/rate/" + token).with(csrf()).param("stars", "4").param("comment", "很有意义"))
                .andExpect(status().isFound());
        mvc.perform(post("/a/" + id + "/rate/" + token).with(csrf()).param("stars", "5"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("您已评价过本活动")));
        mvc.perform(get("/a/" + id + "/rate/" + "0".repeat(36))).andExpect(status().isNotFound());
        assertThat(boardRowOf(id)).contains("4.0 ★（1 人）");
    }

    @Test
    void theBoardEscapesNamesAndNeverShowsAPhoneNumber() throws Exception {
        Instant start = TestActivities.tenOClock(2);
        long id = world.published("<b>消防演练</b>", 10, start, start.minusSeconds(3600));
        String phone = TestActivities.phone();
        signUp(id, "<script>alert(1)</script>", "12").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        signUp(id, "<script>alert(1)</script>", phone).andExpect(status().isFound());
        TestClock.at(start);
        checkIn(id, world.checkinCode(id), phone).andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));

        MvcResult board = mvc.perform(get("/board/heping")).andExpect(status().isOk())
                .andExpect(content().string(containsString("和平社区")))
                .andExpect(content().string(containsString("&lt;b&gt;消防演练&lt;/b&gt;")))
                .andExpect(content().string(containsString("&lt;*")))
                .andReturn();
        String html = board.getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>", "<b>消防演练", phone, "alert(1)");
        assertThat(ANY_MOBILE_NUMBER.matcher(html).find()).as("a mobile number on the public board").isFalse();

        mvc.perform(get("/board")).andExpect(status().isOk()).andExpect(content().string(containsString("/board/heping")))
                .andExpect(content().string(containsString("公示栏 Board")));
        mvc.perform(get("/board/no-such-community")).andExpect(status().isNotFound());
    }

    @Test
    void theBoardCountsEachUnitsFulfilmentThisQuarterAndShowsReversals() throws Exception {
        String unitId = "board-test-" + UUID.randomUUID().toString().substring(0, 8);
        String unitName = "测试单位" + unitId.substring(unitId.length() - 8);
        Instant today = TestActivities.tenOClock(0);
        long kept = world.published(unitId, unitName, "已完成的活动", 10, today, today.minusSeconds(3600));
        long missed = world.published(unitId, unitName, "未履约的活动", 10, today, today.minusSeconds(3600));
        long cancelled = world.published(unitId, unitName, "取消的活动", 10, today, today.minusSeconds(3600));
        long evidence = world.published(unitId, unitName, "待核实的活动", 10, today, today.minusSeconds(3600));
        world.published(unitId, unitName, "报名中的活动", 10, today, today.minusSeconds(3600));
        Instant now = TestActivities.now();
        activities.end(kept, Activities.KEPT, null, now);
        activities.end(missed, Activities.MISSED, "未按期举办", now);
        activities.end(cancelled, Activities.CANCELLED, "天气原因", now);
        activities.evidenceSubmitted(evidence, "共 8 人参加", now);
        ledger.post(new PointsLedger.Posting("board-test:" + kept, PointsLedger.UNIT, unitId, unitName, "heping", kept, 20,
                "活动完成：已完成的活动"), "test", now);
        long posted = ledger.ofActivity(kept).get(0).id();
        ledger.reverse(posted, "佐证材料不实，撤销积分", "liuyang", now);

        String html = mvc.perform(get("/board/heping")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern(Pattern.quote(unitName) + "</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>2</td>");
        assertThat(html).contains("冲正 #" + posted, "佐证材料不实，撤销积分", "+20", "-20");
        assertThat(html).containsPattern(Pattern.quote(unitName) + "</td>\\s*<td class=\"num\">0</td>");
    }

    @Test
    void theBoardListsOnlyAgreementsInForce() throws Exception {
        String unitId = "board-test-" + UUID.randomUUID().toString().substring(0, 8);
        String inForce = agreements.nextNumber(2026);
        String ended = agreements.nextNumber(2026);
        // one agreement in force per pair: the ended one ends before the one in force comes into force
        for (String number : new String[] {ended, inForce}) {
            agreements.activate(new Agreements.Agreement(number, "pi-" + number, "heping", "和平社区", unitId, "测试共建单位",
                    LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "[]", "[]", "ACTIVE", TestActivities.now(), null,
                    null, null));
            if (number.equals(ended)) {
                agreements.end(ended, "TERMINATED", TestActivities.now(), "zhangjianguo", "单位搬迁");
            }
        }

        mvc.perform(get("/board/heping")).andExpect(status().isOk())
                .andExpect(content().string(containsString(inForce)))
                .andExpect(content().string(containsString("2026-01-01 — 2027-12-31")))
                .andExpect(content().string(not(containsString(ended))));
        mvc.perform(get("/board/yangguang")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(inForce))));
    }

    @Test
    void onlyThoseRunningTheActivitySeeItsQrCode() throws Exception {
        long id = world.published("亲子运动会", 20);
        mvc.perform(get("/activities/" + id + "/qr")).andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/activities/" + id + "/qr").with(person("hulei", "unit-power-liaison"))).andExpect(status().isForbidden());
        mvc.perform(get("/activities/" + id + "/qr.png").with(person("hulei", "unit-power-liaison"))).andExpect(status().isForbidden());
        mvc.perform(get("/activities/" + id + "/qr").with(person("liuyang", "community-heping-staff"))).andExpect(status().isOk());

        mvc.perform(get("/activities/" + id + "/qr").with(person("yangxue", "unit-school-liaison"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("亲子运动会")))
                .andExpect(content().string(containsString("/activities/" + id + "/qr.png")));
        byte[] png = mvc.perform(get("/activities/" + id + "/qr.png").with(person("yangxue", "unit-school-liaison")))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(decode(png)).isEqualTo(baseUrl + "/a/" + id + "/checkin?c=" + world.checkinCode(id));
    }

    /**
     * Reads the QR code image as served. It is read as a pure code: zxing's camera-path detector
     * misreads about 3 in 100 perfectly drawn synthetic codes (measured over random check-in links),
     * which would make this test fail at random; the pure reading checks every module.
     */
    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
    }

    private org.springframework.test.web.servlet.ResultActions signUp(long id, String name, String phone) throws Exception {
        MockHttpServletRequestBuilder request = post("/a/" + id).with(csrf()).with(from(address))
                .param("name", name).param("phone", phone).param("partyMember", "true").param("partyOrganisation", "RETIRED");
        return mvc.perform(request);
    }

    private org.springframework.test.web.servlet.ResultActions checkIn(long id, String code, String phone) throws Exception {
        return mvc.perform(post("/a/" + id + "/checkin").with(csrf()).param("c", code).param("phone", phone));
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

    /** The activity's row on the community's board, on whichever page the other tests' activities have pushed it to. */
    private String boardRowOf(long id) throws Exception {
        for (int page = 1; page <= 100; page++) {
            String html = mvc.perform(get("/board/heping").param("activitiesPage", String.valueOf(page)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            int at = html.indexOf("href=\"/a/" + id + "\"");
            if (at >= 0) {
                return html.substring(at, html.indexOf("</tr>", at));
            }
        }
        throw new AssertionError("activity " + id + " is on no page of the board");
    }
}
