package org.gongjian.access;

import org.gongjian.GongjianTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A community refuses work pushed to it without the gate: recorded, shown to the street committee, bad input refused. */
@GongjianTest
class UngatedWorkRefusalTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSecretaryRecordsTheRefusalAndTheStreetCommitteeSeesIt() throws Exception {
        String work = "区民政局电话要求社区三天内上门统计独居老人，未走准入 " + System.nanoTime();
        mvc.perform(post("/access/refusals").with(csrf()).with(person("wangfang", "community-heping-secretary"))
                        .param("communityId", "heping").param("departmentId", "civil-affairs")
                        .param("work", work).param("reason", "未经准入，且没有工作经费"))
                .andExpect(status().is3xxRedirection());
        String street = mvc.perform(get("/access").with(person("lihua", "street-committee"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(street).contains(work, "区民政局", "和平社区", "未经准入，且没有工作经费");
        String other = mvc.perform(get("/access").with(person("sunli", "community-yangguang-secretary")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(other).as("another community does not see it").doesNotContain(work);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndRecordsNothing() throws Exception {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ungated_work_refusal", Integer.class);
        String[][] bad = {
                {"yangguang", "civil-affairs", "工作", "理由", "communityId:"},
                {"heping", "nowhere", "工作", "理由", "departmentId:"},
                {"heping", "civil-affairs", " ", "理由", "work:"},
                {"heping", "civil-affairs", "工作", "x".repeat(501), "reason:"}};
        for (String[] b : bad) {
            String page = mvc.perform(post("/access/refusals").with(csrf()).with(person("wangfang", "community-heping-secretary"))
                            .param("communityId", b[0]).param("departmentId", b[1]).param("work", b[2]).param("reason", b[3]))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains(b[4]);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ungated_work_refusal", Integer.class)).isEqualTo(before);
        mvc.perform(get("/access").with(person("yangxue", "unit-school-liaison"))).andExpect(status().isForbidden());
    }

    private static RequestPostProcessor person(String id, String group) {
        return user(id).authorities(() -> "GROUP_" + group);
    }
}
