package org.gongjian.funds;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.funds.FundWorld.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The fund ledger: totals equal the sum of their rows and of what was generated, the downloads read back with
 * the formula-looking text kept as text, and the pages show who holds each step and for how long.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class FundLedgerTest {

    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";
    static final List<String> PAYERS = List.of("新华第一实验小学", "区民政局", FORMULA, "+街道党工委");
    static final List<String> QUARTERS = List.of("2026-Q4", "2027-Q1", "2027-Q2");

    @Autowired ProcessEngine engine;
    @Autowired FundTransfers transfers;
    @Autowired FundLedger ledger;
    @Autowired MockMvc mvc;

    record Generated(String payer, String quarter, BigDecimal requested, BigDecimal approved, BigDecimal paid,
                     BigDecimal confirmed, BigDecimal overdue) {}

    @Test
    void totalsEqualTheSumOfTheirRowsOnGeneratedData() {
        String community = "ledger" + System.nanoTime();
        List<Generated> generated = generate(community, 120, new Random(20261205));
        FundLedger.Scope scope = FundLedger.Scope.community(community);
        List<FundLedger.Row> rows = ledger.all(scope);
        assertThat(rows).hasSize(generated.size());

        FundLedger.Total all = ledger.totals(scope, "all").get(0);
        assertThat(all.requests()).isEqualTo(generated.size());
        assertSums(all, generated);
        assertThat(all.requested()).isEqualByComparingTo(sum(rows, FundLedger.Row::requested));
        assertThat(all.paid()).isEqualByComparingTo(sum(rows, FundLedger.Row::paid));
        assertThat(all.confirmed()).isEqualByComparingTo(sum(rows, FundLedger.Row::confirmed));
        assertThat(all.overdue()).isEqualByComparingTo(sum(rows.stream().filter(FundLedger.Row::overdue).toList(),
                FundLedger.Row::requested));

        for (FundLedger.Total byPayer : ledger.totals(scope, "payer")) {
            assertSums(byPayer, generated.stream().filter(g -> g.payer().equals(byPayer.group())).toList());
        }
        for (FundLedger.Total byQuarter : ledger.totals(scope, "quarter")) {
            assertSums(byQuarter, generated.stream().filter(g -> g.quarter().equals(byQuarter.group())).toList());
        }
        assertThat(ledger.totals(scope, "payer").stream().mapToLong(FundLedger.Total::requests).sum())
                .isEqualTo(generated.size());
        // the pages together hold every row once
        int pages = ledger.rows(scope, 1, 50).pages();
        assertThat(pages).isEqualTo(3);
        List<String> paged = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            ledger.rows(scope, p, 50).rows().forEach(r -> paged.add(r.businessKey()));
        }
        assertThat(paged).containsExactlyInAnyOrderElementsOf(rows.stream().map(FundLedger.Row::businessKey).toList());
    }

    @Test
    void theDownloadsReadBackWithFormulaLookingTextKeptAsText() throws Exception {
        String community = "heping";
        String key = newKey();
        transfers.request(FundTransfers.Request.asked(key, "pi-" + key, FundKind.DEPARTMENT_PAYMENT, null, "2027-Q1",
                7L, community, "和平社区", "civil-affairs", FORMULA, null, new BigDecimal("123.45"), "-1+1 核查经费",
                today().plusDays(3), TestClock.now()));

        byte[] xlsx = mvc.perform(get("/board/heping/funds.xlsx")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row found = null;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (key.equals(row.getCell(0).getStringCellValue())) {
                    found = row;
                }
            }
            assertThat(found).as("the request is in the download").isNotNull();
            assertThat(found.getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(found.getCell(4).getStringCellValue()).isEqualTo(FORMULA);
            assertThat(found.getCell(5).getCellType()).isEqualTo(CellType.STRING);
            assertThat(found.getCell(5).getStringCellValue()).isEqualTo("-1+1 核查经费");
            assertThat(found.getCell(6).getNumericCellValue()).isEqualTo(123.45);
        }

        byte[] csv = mvc.perform(get("/board/heping/funds.csv")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        String line = text.lines().filter(l -> l.contains(key)).findFirst().orElseThrow();
        assertThat(line).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"", "\"'-1+1 核查经费\"", ",123.45,");
    }

    @Test
    void theBoardShowsWhoHoldsEachStepAndForHowLong() throws Exception {
        FundWorld world = new FundWorld(engine);
        String key = newKey();
        ProcessInstance pi = world.departmentPayment(key, "civil-affairs", "3000.00");
        Instant start = TestClock.now();
        TestClock.at(start.plus(Duration.ofDays(23)));

        String board = mvc.perform(get("/board/heping/funds")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(board).contains("经费台账", "区民政局", "高龄津贴入户核查工作经费", "付款方审批拨付", "已办 23 天", "逾期 16 天");
        assertThat(board).as("no person on the public ledger").doesNotContain("dengchao", "邓超");

        world.approve(pi, DEPARTMENT);
        String staff = mvc.perform(get("/funds").with(person(DEPARTMENT, "department-civil-affairs")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("用时 23 天", "财务");
        String street = mvc.perform(get("/funds").with(person(STREET, "street-committee")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(street).contains("全街道经费台账", "区民政局");
        String school = mvc.perform(get("/funds").with(person("yangxue", "unit-school-liaison")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(school).doesNotContain("高龄津贴入户核查工作经费");
        mvc.perform(get("/funds").with(person("someone", "residents-heping"))).andExpect(status().isForbidden());
        mvc.perform(get("/board/nowhere/funds")).andExpect(status().isNotFound());
    }

    /** Requests of every state, with amounts of one and two decimals, some past their due date. */
    private List<Generated> generate(String community, int n, Random random) {
        List<Generated> generated = new ArrayList<>();
        LocalDate today = today();
        Instant now = TestClock.now();
        for (int i = 0; i < n; i++) {
            String key = community + "/" + i + "/funds";
            String payer = PAYERS.get(random.nextInt(PAYERS.size()));
            String quarter = QUARTERS.get(random.nextInt(QUARTERS.size()));
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2);
            LocalDate due = today.plusDays(random.nextInt(60) - 30);
            transfers.request(FundTransfers.Request.asked(key, "pi-" + key, FundKind.INSTALMENT, "GJ-L", quarter, null,
                    community, "测试社区", "unit" + payer.hashCode(), payer, null, amount, "经费 " + i, due,
                    now.plusSeconds(i)));
            int stage = random.nextInt(7); // 0 asked, 1 refused, 2 approved, 3 paid, 4 confirmed, 5 mismatch, 6 reconciled
            BigDecimal approved = null;
            BigDecimal paid = null;
            BigDecimal confirmed = BigDecimal.ZERO;
            if (stage == 1) {
                transfers.decide(key, false, "理由", "x", now);
            } else if (stage >= 2) {
                transfers.decide(key, true, null, "x", now);
                approved = amount;
            }
            if (stage >= 3) {
                transfers.record(new FundTransfers.Transfer(key, "pi-" + key, "GJ-L", quarter, community, "测试社区",
                        "u", payer, amount, amount, "PZ-" + i, today, "qianli", now));
                paid = amount;
            }
            if (stage == 4) {
                transfers.receive(new FundTransfers.Receipt(key, amount, today, true, "wangfang", now));
                confirmed = amount;
            } else if (stage >= 5) {
                BigDecimal less = amount.subtract(new BigDecimal("0.01"));
                transfers.receive(new FundTransfers.Receipt(key, less, today, false, "wangfang", now));
                if (stage == 6) {
                    transfers.settle(new FundTransfers.Reconciliation(key, "MISMATCH", less, "差一分", "qianli", now));
                    confirmed = less;
                }
            }
            boolean open = stage == 0 || stage == 2 || stage == 3 || stage == 5;
            generated.add(new Generated(payer, quarter, amount, approved, paid, confirmed,
                    open && due.isBefore(today) ? amount : BigDecimal.ZERO));
        }
        return generated;
    }

    private static void assertSums(FundLedger.Total total, List<Generated> rows) {
        assertThat(total.requests()).as(total.group()).isEqualTo(rows.size());
        assertThat(total.requested()).isEqualByComparingTo(gsum(rows, Generated::requested));
        assertThat(total.approved()).isEqualByComparingTo(gsum(rows, Generated::approved));
        assertThat(total.paid()).isEqualByComparingTo(gsum(rows, Generated::paid));
        assertThat(total.confirmed()).isEqualByComparingTo(gsum(rows, Generated::confirmed));
        assertThat(total.overdue()).isEqualByComparingTo(gsum(rows, Generated::overdue));
    }

    private static BigDecimal gsum(List<Generated> rows, Function<Generated, BigDecimal> amount) {
        return rows.stream().map(amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(List<FundLedger.Row> rows, Function<FundLedger.Row, BigDecimal> amount) {
        return rows.stream().map(amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static RequestPostProcessor person(String id, String group) {
        return user(id).authorities(() -> "GROUP_" + group);
    }
}
