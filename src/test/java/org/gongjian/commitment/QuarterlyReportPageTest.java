package org.gongjian.commitment;

import java.math.BigDecimal;
import java.time.Instant;

import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A stored quarterly report is for the parties of its agreement, the street committee and administrators. */
@GongjianTest
@ExtendWith(TestClock.class)
class QuarterlyReportPageTest {

    @Autowired QuarterlyReports reports;
    @Autowired MockMvc mvc;

    String number;
    String page;

    @BeforeEach
    void aReportWasWritten() {
        number = CommitmentWorld.agreementNumber();
        page = "/reports/" + number + "/2027-Q1";
        reports.store(new QuarterlyReports.Report(number, "2027-Q1", "pi-" + number, "heping", "和平社区", "school",
                "新华第一实验小学", 3, 1, 1, 0, 1, 1, new BigDecimal("7500"), new BigDecimal("5000"),
                "[{\"date\":\"2027-01-16\",\"title\":\"周末课堂\",\"kind\":\"教育辅导\",\"status\":\"KEPT\","
                        + "\"statusName\":\"已履约 kept\",\"late\":true}]",
                "季度共建报告", Instant.parse("2027-03-31T16:00:05Z")));
    }

    @Test
    void thePartiesTheStreetCommitteeAndAdministratorsReadTheReport() throws Exception {
        for (RequestPostProcessor who : new RequestPostProcessor[] {person("yangxue", "unit-school-liaison"),
                person("zhangjianguo", "unit-school-leader"), person("liuyang", "community-heping-staff"),
                person("wangfang", "community-heping-secretary"), person("lihua", "street-committee"),
                user("demo").authorities(() -> "ROLE_ADMIN")}) {
            mvc.perform(get(page).with(who))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("新华第一实验小学")))
                    .andExpect(content().string(containsString("周末课堂")))
                    .andExpect(content().string(containsString("佐证逾期")))
                    .andExpect(content().string(containsString("7500.00")))
                    .andExpect(content().string(containsString("5000.00")));
        }
    }

    @Test
    void othersAreRefusedAndAnUnknownReportIsNotFound() throws Exception {
        mvc.perform(get(page).with(person("hulei", "unit-power-liaison"))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(person("hetao", "community-yangguang-staff"))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(person("qianli", "finance"))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/" + number + "/2027-Q2").with(person("lihua", "street-committee")))
                .andExpect(status().isNotFound());
        mvc.perform(get(page)).andExpect(status().is3xxRedirection());
    }

    private static RequestPostProcessor person(String id, String group) {
        return user(id).authorities(() -> "GROUP_" + group);
    }
}
