package org.gongjian.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.Mails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken commitment's job that fails after its mails went out is retried: the retry tells only
 * those not told, the groups (unit leader, community staff, street committee) as well as the people
 * signed up.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class BrokenCommitmentMailTest {

    @Autowired Activities activities;
    @Autowired BrokenCommitment broken;
    @Autowired GreenMail embeddedSmtpServer;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aRetryAfterTheMailsWentOutSendsNoMailTwice() throws Exception {
        String title = "未履约重试-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = TestClock.now().plus(Duration.ofDays(3));
        String key = "mail-test/" + UUID.randomUUID();
        long id = activities.plan(new Activities.Plan(key, "pi-" + key, "GJ-TEST-MAIL", "2026Q4", "heping", "和平社区", "school",
                "新华第一实验小学", title, "志愿服务", "和平社区党群服务中心", start, start.plusSeconds(7200),
                start.minusSeconds(3600), 10, 3, new BigDecimal("2.0"), "code-" + UUID.randomUUID()));
        String resident = "resident" + System.nanoTime() + "@example.cn";
        activities.insertSignup(new Activities.Signup(0, id, "王秀英", ActivityWorld.phone(), resident, false, null,
                ActivitySignups.token(), ActivityWorld.address(), start.minus(Duration.ofDays(1)), Activities.SIGNED_UP, null));

        // the first run sends its mails and then fails: everything it changed rolls back, the mails stay sent
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            broken.record(id, Activities.MISSED, "逾期未提交佐证", "engine");
            tx.setRollbackOnly();
        });
        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.PLANNED);
        long first = mails(title);
        assertThat(first).isGreaterThanOrEqualTo(3); // the resident, the unit leader, the staff, the street committee

        // the engine retries the job, which now commits
        new TransactionTemplate(transactions).executeWithoutResult(tx -> broken.record(id, Activities.MISSED, "逾期未提交佐证", "engine"));

        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.MISSED);
        assertThat(mails(title)).isEqualTo(first);
        for (String address : List.of(resident, "lihua@xinhua.example.cn")) {
            // GreenMail keeps one copy of a message per recipient: count messages by their id
            assertThat(Mails.to(embeddedSmtpServer, address).stream().filter(m -> Mails.subjects(List.of(m)).get(0).contains(title))
                    .map(BrokenCommitmentMailTest::messageId).distinct()).as("mails about the activity to %s", address).hasSize(1);
        }
    }

    private static String messageId(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every copy received (one per recipient) of a mail about the activity. */
    private long mails(String title) {
        return Mails.subjects(List.of(embeddedSmtpServer.getReceivedMessages())).stream().filter(s -> s.contains(title)).count();
    }
}
