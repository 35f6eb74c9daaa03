package org.gongjian.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.activity.Activities;
import org.gongjian.activity.ActivitySignups;
import org.gongjian.activity.PointsLedger;
import org.gongjian.activity.SignupRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Two phones submitting the same number at the venue at the same moment: one check-in, one posting, one clear refusal. */
@GongjianTest
@ExtendWith(TestClock.class)
class SimultaneousCheckInTest {

    @Autowired Activities activities;
    @Autowired ActivitySignups signups;
    @Autowired PointsLedger ledger;
    @Autowired MockMvc mvc;

    @Test
    void twoCheckInsOfOnePhoneAtOnceCheckInOnceAndTellTheSecondItIsDone() throws Exception {
        TestActivities world = new TestActivities(activities);
        Instant start = TestActivities.tenOClock(3);
        long id = world.published("社区义诊", 10, start, start.minusSeconds(14 * 3600));
        String code = world.checkinCode(id);
        String phone = TestActivities.phone();
        signups.signUp(id, new ActivitySignups.Request("陈静怡", phone, null, false, null), TestActivities.address(),
                TestActivities.now());
        Instant atTheVenue = start.minusSeconds(10 * 60);

        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Callable<Object> checkIn = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        return signups.checkIn(id, code, phone, atTheVenue);
                    } catch (SignupRefusedException refused) {
                        return refused;
                    }
                };
                answers.add(pool.submit(checkIn));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS)); // anything else (a database error) fails the test here
            }
            assertThat(results).filteredOn(Activities.Signup.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(SignupRefusedException.class::isInstance).singleElement()
                    .satisfies(r -> {
                        SignupRefusedException refused = (SignupRefusedException) r;
                        assertThat(refused.reason()).isEqualTo(SignupRefusedException.Reason.ALREADY_CHECKED_IN);
                        assertThat(refused.getMessage()).contains("已签到");
                    });
        } finally {
            pool.shutdownNow();
        }

        assertThat(activities.signup(id, phone).orElseThrow().checkedInAt()).isEqualTo(atTheVenue);
        assertThat(ledger.ofActivity(id)).singleElement().satisfies(e -> {
            assertThat(e.accountId()).isEqualTo(phone);
            assertThat(e.points()).isPositive();
        });
    }

    @Test
    void aSecondCheckInOnThePageIsAConflictThatSaysSoAndPostsNothing() throws Exception {
        TestActivities world = new TestActivities(activities);
        Instant start = TestActivities.tenOClock(3);
        long id = world.published("社区义诊", 10, start, start.minusSeconds(14 * 3600));
        String phone = TestActivities.phone();
        signups.signUp(id, new ActivitySignups.Request("陈静怡", phone, null, false, null), TestActivities.address(),
                TestActivities.now());
        Instant before = TestClock.now();
        TestClock.at(start.minusSeconds(30 * 60));
        try {
            signups.checkIn(id, world.checkinCode(id), phone, TestActivities.now());

            mvc.perform(post("/a/" + id + "/checkin").with(csrf()).param("c", world.checkinCode(id)).param("phone", phone))
                    .andExpect(status().isConflict()).andExpect(content().string(containsString("该手机号已签到")));
            assertThat(ledger.ofActivity(id)).hasSize(1);
        } finally {
            TestClock.at(before);
        }
    }
}
