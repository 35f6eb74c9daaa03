package org.gongjian.activity;

import java.time.Instant;
import java.util.List;

import org.gongjian.GongjianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger only grows: balances are sums of entries, and corrections are reversal entries. */
@GongjianTest
class PointsLedgerTest {

    static final Instant AT = Instant.parse("2027-02-01T02:00:00Z");

    @Autowired PointsLedger ledger;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aBalanceIsTheSumOfTheAccountsEntriesReversalsIncluded() {
        String phone = ActivityWorld.phone();
        post(phone, "a", 10);
        post(phone, "b", 10);
        PointsLedger.Entry third = post(phone, "c", 7);
        ledger.reverse(third.id(), "录入错误", "liuyang", AT);

        List<PointsLedger.Entry> entries = ledger.entries(PointsLedger.PERSON, phone);
        assertThat(entries).extracting(PointsLedger.Entry::points).containsExactly(10, 10, 7, -7);
        assertThat(ledger.balance(PointsLedger.PERSON, phone))
                .isEqualTo(entries.stream().mapToInt(PointsLedger.Entry::points).sum())
                .isEqualTo(20);
        Integer sql = jdbc.queryForObject("SELECT SUM(points) FROM points_entry WHERE account_type = 'PERSON' AND account_id = ?",
                Integer.class, phone);
        assertThat(ledger.balance(PointsLedger.PERSON, phone)).isEqualTo(sql);
        assertThat(ledger.totals("heping", PointsLedger.PERSON, 500))
                .filteredOn(t -> t.accountId().equals(phone)).extracting(PointsLedger.Total::points).containsExactly(20);
    }

    @Test
    void aCorrectionIsANewReversalEntryAndTheOriginalStaysAsItWas() {
        String phone = ActivityWorld.phone();
        PointsLedger.Entry original = post(phone, "a", 10);

        assertThat(ledger.reverse(original.id(), "重复记分", "liuyang", AT)).isTrue();

        List<PointsLedger.Entry> entries = ledger.entries(PointsLedger.PERSON, phone);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).isEqualTo(original);
        PointsLedger.Entry reversal = entries.get(1);
        assertThat(reversal.points()).isEqualTo(-10);
        assertThat(reversal.reverses()).isEqualTo(original.id());
        assertThat(reversal.reason()).isEqualTo("重复记分");
        assertThat(reversal.postedBy()).isEqualTo("liuyang");
    }

    @Test
    void anEntryIsReversedAtMostOnceAndAReversalIsNeverReversed() {
        String phone = ActivityWorld.phone();
        PointsLedger.Entry original = post(phone, "a", 10);
        assertThat(ledger.reverse(original.id(), "第一次", "liuyang", AT)).isTrue();
        assertThat(ledger.reverse(original.id(), "第二次", "liuyang", AT)).isFalse();
        PointsLedger.Entry reversal = ledger.entries(PointsLedger.PERSON, phone).get(1);
        assertThatThrownBy(() -> ledger.reverse(reversal.id(), "再冲正", "liuyang", AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself a reversal");
        assertThat(ledger.balance(PointsLedger.PERSON, phone)).isZero();
        assertThat(ledger.entries(PointsLedger.PERSON, phone)).hasSize(2);
    }

    @Test
    void postingTheSameEntryTwiceRecordsItOnce() {
        String phone = ActivityWorld.phone();
        PointsLedger.Posting posting = new PointsLedger.Posting("test:" + phone + ":once", PointsLedger.PERSON, phone, "王秀英",
                "heping", null, 10, "签到");
        assertThat(ledger.post(posting, "check-in", AT)).isTrue();
        assertThat(ledger.post(posting, "check-in", AT)).isFalse();
        assertThat(ledger.balance(PointsLedger.PERSON, phone)).isEqualTo(10);
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrRemoveAnEntry() {
        String phone = ActivityWorld.phone();
        PointsLedger.Entry entry = post(phone, "a", 10);
        assertThatThrownBy(() -> jdbc.update("UPDATE points_entry SET points = 1000 WHERE id = ?", entry.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM points_entry WHERE id = ?", entry.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(ledger.entries(PointsLedger.PERSON, phone)).containsExactly(entry);
    }

    private PointsLedger.Entry post(String phone, String key, int points) {
        ledger.post(new PointsLedger.Posting("test:" + phone + ":" + key, PointsLedger.PERSON, phone, "王秀英", "heping", null,
                points, "测试"), "test", AT);
        List<PointsLedger.Entry> entries = ledger.entries(PointsLedger.PERSON, phone);
        return entries.get(entries.size() - 1);
    }
}
