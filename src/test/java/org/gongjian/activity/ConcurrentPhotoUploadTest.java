package org.gongjian.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Two uploads at the same moment cannot together put more photos on an activity than its maximum. */
@GongjianTest
@ExtendWith(TestClock.class)
class ConcurrentPhotoUploadTest {

    @Autowired Activities activities;

    @Test
    void twoUploadsAtOnceNeverExceedTheMaximum() throws Exception {
        Instant start = TestClock.now().minus(Duration.ofDays(1));
        String key = "photo-test/" + UUID.randomUUID();
        long id = activities.plan(new Activities.Plan(key, "pi-" + key, "GJ-TEST-PHOTO", "2026Q4", "heping", "和平社区", "school",
                "新华第一实验小学", "照片并发", "志愿服务", "和平社区党群服务中心", start, start.plusSeconds(7200),
                start.minusSeconds(3600), 10, 3, new BigDecimal("2.0"), "code-" + UUID.randomUUID()));
        int each = EvidencePhotos.MAX_PER_ACTIVITY / 2 + 1; // each upload fits alone, both together do not
        List<Activities.NewPhoto> batch = Collections.nCopies(each,
                new Activities.NewPhoto("p.png", "image/png", ActivityProcessTest.PNG));

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return activities.addPhotos(id, batch, EvidencePhotos.MAX_PER_ACTIVITY, "yangxue", Instant.now());
                }));
            }
            go.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(activities.photos(id)).hasSize(each);
    }
}
