package org.gongjian.board;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import org.gongjian.GongjianTest;
import org.gongjian.activity.Activities;
import org.gongjian.activity.ActivitySignups;
import org.gongjian.activity.PointsLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The board and the activity pages show every row of a list that grows, a page at a time, with
 * links to the next page: nothing vanishes behind a hidden limit.
 */
@GongjianTest
class BoardPagingTest {

    static final RequestPostProcessor STAFF = user("liuyang").authorities(() -> "GROUP_community-heping-staff");

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Activities activities;
    @Autowired ActivitySignups signups;
    @Autowired PointsLedger ledger;

    /** Other tests list agreements of heping too: the rows made here go again. */
    @AfterEach
    void removeTheAgreementsMadeHere() {
        jdbc.update("DELETE FROM agreement WHERE agreement_number LIKE 'GJ-PAGE-%'");
    }

    @Test
    void anOldAgreementInForceStaysOnTheBoardBehindMoreThanTwoHundredNewerEndedOnes() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Instant now = TestActivities.now();
        agreement("在册老单位-" + tag, "ACTIVE", now.minus(Duration.ofDays(3 * 365)));
        for (int i = 0; i < 205; i++) {
            agreement("已终止-" + tag + "-" + i, "TERMINATED", now.minus(Duration.ofDays(1)).plusSeconds(i));
        }

        String all = String.join("\n", pages(n -> "/board/heping?agreementsPage=" + n, "agreementsPage", null));

        assertThat(all).contains("在册老单位-" + tag).doesNotContain("已终止-" + tag);
    }

    @Test
    void moreAgreementsInForceThanAPageAreShownOnTheNextPages() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int n = BoardController.PAGE + 3;
        for (int i = 0; i < n; i++) {
            agreement("分页单位-" + tag + "-" + i + "号", "ACTIVE", TestActivities.now().minusSeconds(i));
        }

        List<String> pages = pages(p -> "/board/heping?agreementsPage=" + p, "agreementsPage", null);

        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(pages.get(0)).contains("agreementsPage=2").contains("rel=\"next\"");
        String all = String.join("\n", pages);
        for (int i = 0; i < n; i++) {
            assertThat(all).contains("分页单位-" + tag + "-" + i + "号");
        }
    }

    @Test
    void everyActivityAndLedgerEntryOfTheBoardIsOnOneOfItsPages() throws Exception {
        TestActivities world = new TestActivities(activities);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int n = BoardController.PAGE + 2;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant start = TestActivities.tenOClock(3).plusSeconds(i * 60L);
            long id = world.published("分页活动-" + tag + "-" + i + "号", 5, start, start.minusSeconds(14 * 3600));
            ids.add(id);
            ledger.post(new PointsLedger.Posting("paging:" + tag + ":" + i, PointsLedger.UNIT, "paging-" + tag, "分页单位-" + tag,
                    "heping", id, 1, "分页积分-" + tag + "-" + i + "号"), "test", TestActivities.now());
        }

        String activitiesAll = String.join("\n", pages(p -> "/board/heping?activitiesPage=" + p, "activitiesPage", null));
        String ledgerAll = String.join("\n", pages(p -> "/board/heping?ledgerPage=" + p, "ledgerPage", null));

        for (int i = 0; i < n; i++) {
            assertThat(activitiesAll).contains("分页活动-" + tag + "-" + i + "号");
            assertThat(ledgerAll).contains("分页积分-" + tag + "-" + i + "号");
        }
        assertThat(mvc.perform(get("/board/heping")).andReturn().getResponse().getContentAsString())
                .contains("activitiesPage=2").contains("ledgerPage=2");
    }

    @Test
    void anActivitysSignUpsArePagedOnItsPage() throws Exception {
        TestActivities world = new TestActivities(activities);
        Instant start = TestActivities.tenOClock(3);
        long id = world.published("分页报名", 80, start, start.minusSeconds(14 * 3600));
        int n = 53; // more than a page of sign-ups (50)
        for (int i = 0; i < n; i++) {
            jdbc.update("""
                    INSERT INTO signup (activity_id, name, phone, party_member, token, client_address, signed_up_at, status)
                    VALUES (?, ?, ?, FALSE, ?, '10.0.0.1', ?, 'SIGNED_UP')""", id, "报名人" + i + "号", TestActivities.phone(),
                    UUID.randomUUID().toString(), Timestamp.from(TestActivities.now().plusSeconds(i)));
        }

        List<String> pages = pages(p -> "/activities/" + id + "?signupsPage=" + p, "signupsPage", STAFF);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains("报名人0号").contains("报名人49号").doesNotContain("报名人50号");
        assertThat(pages.get(1)).contains("报名人50号").contains("报名人52号").doesNotContain("报名人49号");
        assertThat(pages.get(0)).contains("(<span>" + n + "</span>)");
    }

    /** Every page of one list, following its next-page links from the first. */
    private List<String> pages(IntFunction<String> url, String param, RequestPostProcessor who) throws Exception {
        List<String> pages = new ArrayList<>();
        for (int p = 1; p < 100; p++) {
            var request = get(url.apply(p));
            if (who != null) {
                request = request.with(who);
            }
            String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            pages.add(body);
            if (!body.contains(param + "=" + (p + 1))) {
                return pages;
            }
        }
        throw new AssertionError("more than 100 pages of " + param);
    }

    private void agreement(String unitName, String status, Instant activatedAt) {
        String number = "GJ-PAGE-" + UUID.randomUUID();
        LocalDate today = LocalDate.ofInstant(TestActivities.now(), TestActivities.ZONE);
        jdbc.update("""
                INSERT INTO agreement (agreement_number, process_instance_id, community_id, community_name, unit_id, unit_name,
                    term_start, term_end, needs_json, resources_json, status, activated_at)
                VALUES (?, ?, 'heping', '和平社区', ?, ?, ?, ?, '[]', '[]', ?, ?)""",
                number, "pi-" + number, "page-" + UUID.randomUUID(), unitName, java.sql.Date.valueOf(today.minusYears(3)),
                java.sql.Date.valueOf(today.plusYears(1)), status, Timestamp.from(activatedAt));
    }
}
