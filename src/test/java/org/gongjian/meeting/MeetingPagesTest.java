package org.gongjian.meeting;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The joint meeting's pages: its members and the street committee see the agenda, who came (a deputy by
 * name), the minutes and how each resolution stands, and print the minutes; others are refused; the public
 * board shows the resolutions and their state, and no person.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class MeetingPagesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final RequestPostProcessor SECRETARY = person("wangfang", "community-heping-secretary");
    static final RequestPostProcessor STREET = person("lihua", "street-committee");
    static final RequestPostProcessor LIAISON = person("yangxue", "unit-school-liaison");
    static final RequestPostProcessor OTHER_SECRETARY = person("sunli", "community-yangguang-secretary");

    static final String DEPUTY = "钱多多";
    static final String ASKER = "杨雪";
    static final String PLACE = "和平社区党群服务中心三楼会议室";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    final List<Long> seeded = new ArrayList<>();
    String tag;
    Instant now;
    LocalDate today;
    long earlier;
    long held;
    long scheduled;
    String carriedWhat;
    String doneWhat;
    String lateWhat;
    String summary;

    /**
     * Three meetings of heping: last quarter's, whose open resolution is carried onto this one's agenda; the
     * one held five days ago; the next, not held yet. The clock stands years after the meetings other tests
     * hold in heping, so that these are the board's latest.
     */
    @BeforeEach
    void threeMeetingsOfHeping() {
        TestClock.at(TestClock.TODAY.plus(Duration.ofDays(4 * 365)));
        now = TestClock.now();
        today = LocalDate.ofInstant(now, SHANGHAI);
        tag = UUID.randomUUID().toString().substring(0, 8);
        carriedWhat = "修缮小区东门路灯 " + tag;
        doneWhat = "开放学校操场供居民周末锻炼 " + tag;
        lateWhat = "社区为周末课堂招募志愿者 " + tag;
        summary = "王芳主持会议，杨雪汇报周末课堂进展 " + tag;

        earlier = meeting("MINUTES_RECORDED", now.minus(Duration.ofDays(100)), "上季度会议 " + tag);
        long carried = resolution(earlier, carriedWhat, "UNIT", "school", "新华第一实验小学", today.minusDays(30), "OPEN");

        held = meeting("HELD", now.minus(Duration.ofDays(5)), summary);
        member(held, "community:heping", "COMMUNITY", "heping", "和平社区", "ATTEND", null, "PRESENT");
        member(held, "unit:school", "UNIT", "school", "新华第一实验小学", "DEPUTY", DEPUTY, "DEPUTY");
        item(held, "unit:school", "周末课堂场地 " + tag, ASKER, null, 0, "ACCEPTED", "本季度安排");
        item(held, null, carriedWhat, "新华第一实验小学", carried, 1, "ACCEPTED", null);
        item(held, "community:heping", "老年食堂选址 " + tag, "刘洋", null, 0, "DEFERRED", "经费下季度到位");
        long done = resolution(held, doneWhat, "UNIT", "school", "新华第一实验小学", today.minusDays(10), "DONE");
        jdbc.update("UPDATE meeting_resolution SET done_at = ?, done_on_time = TRUE WHERE id = ?",
                Timestamp.from(now.minus(Duration.ofDays(11))), done);
        resolution(held, lateWhat, "COMMUNITY", "heping", "和平社区", today.minusDays(3), "OPEN");

        scheduled = meeting("SCHEDULED", now.plus(Duration.ofDays(10)), null);
    }

    @AfterEach
    void removeTheMeetingsMadeHere() {
        for (long id : seeded) {
            jdbc.update("DELETE FROM agenda_item WHERE meeting_id = ?"
                    + " OR resolution_id IN (SELECT id FROM meeting_resolution WHERE meeting_id = ?)", id, id);
        }
        for (long id : seeded) {
            jdbc.update("DELETE FROM meeting_resolution WHERE meeting_id = ?", id);
            jdbc.update("DELETE FROM meeting_member WHERE meeting_id = ?", id);
            jdbc.update("DELETE FROM meeting WHERE id = ?", id);
        }
    }

    @Test
    void membersAndTheStreetCommitteeSeeTheAgendaAttendanceMinutesAndResolutions() throws Exception {
        String page = page(held, SECRETARY);
        assertThat(page).contains("和平社区", PLACE,
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI).format(now.minus(Duration.ofDays(5))),
                "已召开",
                // the agenda: who asked, carried over, decisions with reasons
                "周末课堂场地 " + tag, ASKER, "延续第1次", "采纳", "暂缓", "经费下季度到位",
                // the members: answers and attendance, the deputy by name
                "新华第一实验小学", "委派代表", "代表出席", DEPUTY, "出席 present",
                summary,
                doneWhat, lateWhat, "已落实", "已逾期", today.minusDays(3).toString(), "照片和记录");
        assertThat(page(held, STREET)).contains(doneWhat, lateWhat, DEPUTY);
        assertThat(page(held, LIAISON)).contains(doneWhat, lateWhat, DEPUTY);
        assertThat(page(held, person("zhaoguiying", "residents-heping"))).contains(doneWhat, lateWhat);
        // the earlier meeting's resolution, late and carried over
        assertThat(page(earlier, SECRETARY)).contains(carriedWhat, "已逾期", "延续 1 次");
    }

    @Test
    void othersAreRefusedAndStrangersSentToTheLogin() throws Exception {
        mvc.perform(get("/meetings/" + held).with(OTHER_SECRETARY)).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/" + held + "/minutes.pdf").with(OTHER_SECRETARY)).andExpect(status().isForbidden());
        // the school sits in this meeting, not in the earlier one
        mvc.perform(get("/meetings/" + earlier).with(LIAISON)).andExpect(status().isForbidden());
        mvc.perform(get("/meetings/" + held)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        long unknown = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM meeting", Long.class) + 1000;
        mvc.perform(get("/meetings/" + unknown).with(STREET)).andExpect(status().isNotFound());
        mvc.perform(get("/meetings/" + unknown + "/minutes.pdf").with(STREET)).andExpect(status().isNotFound());
    }

    @Test
    void theMinutesPrintWithTheirResolutions() throws Exception {
        byte[] pdf = mvc.perform(get("/meetings/" + held + "/minutes.pdf").with(LIAISON))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p));
        }
        assertThat(text.toString()).contains("会议纪要", PLACE, doneWhat, lateWhat, "已落实", "已逾期", DEPUTY);

        String refused = mvc.perform(get("/meetings/" + scheduled + "/minutes.pdf").with(SECRETARY))
                .andExpect(status().isNotFound()).andReturn().getResponse().getErrorMessage();
        assertThat(refused).contains("尚未记录");
        // the meeting has begun, its minutes are still being written
        jdbc.update("UPDATE meeting SET state = 'HELD' WHERE id = ?", scheduled);
        mvc.perform(get("/meetings/" + scheduled + "/minutes.pdf").with(SECRETARY)).andExpect(status().isNotFound());
    }

    @Test
    void eachPersonListsTheMeetingsTheySitIn() throws Exception {
        String secretary = list(SECRETARY);
        assertThat(secretary).contains(link(held), link(earlier), link(scheduled));
        assertThat(list(STREET)).contains(link(held), link(earlier));
        String school = list(LIAISON);
        assertThat(school).contains(link(held)).doesNotContain(link(earlier));
        assertThat(list(OTHER_SECRETARY)).doesNotContain(link(held));
        mvc.perform(get("/meetings").with(person("dengchao", "department-civil-affairs"))).andExpect(status().isForbidden());
    }

    @Test
    void theBoardShowsTheResolutionsAndHowTheyStandButNoPerson() throws Exception {
        String board = mvc.perform(get("/board/heping")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(board).doesNotContain(DEPUTY, summary, "上季度会议 " + tag);
        String meetings = board.substring(board.indexOf("联席会议决议"), board.indexOf("<h2>积分"));
        assertThat(meetings).contains(PLACE, doneWhat, lateWhat, carriedWhat, "新华第一实验小学", "已落实", "已逾期",
                "延续 1 次", "已定时间",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI).format(now.minus(Duration.ofDays(5))));
        assertThat(meetings).doesNotContain(DEPUTY, ASKER, "刘洋", "王芳", "周末课堂场地", "经费下季度到位");
    }

    private String page(long id, RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/meetings/" + id).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String list(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/meetings").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String link(long id) {
        return "href=\"/meetings/" + id + "\"";
    }

    private long meeting(String state, Instant at, String minutes) {
        LocalDate day = LocalDate.ofInstant(at, SHANGHAI);
        String quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
        long id = insert("""
                INSERT INTO meeting (business_key, community_id, community_name, quarter, kind, state, meeting_at, place,
                    agenda_closes_at, notice_at, summary, minutes_by, minutes_at, created_at)
                VALUES (?, 'heping', '和平社区', ?, 'QUARTERLY', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                "heping/pages-" + tag + "-" + seeded.size(), quarter, state, Timestamp.from(at), PLACE,
                Timestamp.from(at.minus(Duration.ofDays(7))), Timestamp.from(at.minus(Duration.ofDays(2))), minutes,
                minutes == null ? null : "wangfang", minutes == null ? null : Timestamp.from(at.plus(Duration.ofDays(1))),
                Timestamp.from(at.minus(Duration.ofDays(20))));
        seeded.add(id);
        return id;
    }

    private void member(long meeting, String key, String kind, String party, String name, String answer, String deputy,
                        String attendance) {
        jdbc.update("""
                INSERT INTO meeting_member (meeting_id, member_key, member_kind, party_id, name, answer, deputy_name,
                    answered_by, answered_at, attendance)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?)""",
                meeting, key, kind, party, name, answer, deputy, Timestamp.from(now.minus(Duration.ofDays(8))), attendance);
    }

    private void item(long meeting, String memberKey, String title, String askedBy, Long resolution, int carried,
                      String decision, String reason) {
        insert("""
                INSERT INTO agenda_item (meeting_id, member_key, title, ask, asked_by, resolution_id, carried_count,
                    decision, decision_reason, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed', ?)""",
                meeting, memberKey, title, "请会议议定：" + title, askedBy, resolution, carried, decision, reason,
                Timestamp.from(now.minus(Duration.ofDays(12))));
    }

    private long resolution(long meeting, String what, String ownerKind, String ownerId, String ownerName,
                            LocalDate deadline, String state) {
        return insert("""
                INSERT INTO meeting_resolution (meeting_id, community_id, what, owner_kind, owner_id, owner_name, deadline,
                    verification, state, recorded_by, recorded_at)
                VALUES (?, 'heping', ?, ?, ?, ?, ?, '照片和记录交社区核验', ?, 'wangfang', ?)""",
                meeting, what, ownerKind, ownerId, ownerName, deadline, state, Timestamp.from(now.minus(Duration.ofDays(4))));
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s;
        }, key);
        return key.getKey().longValue();
    }

    private static RequestPostProcessor person(String id, String group) {
        return user(id).authorities(() -> "GROUP_" + group);
    }
}
