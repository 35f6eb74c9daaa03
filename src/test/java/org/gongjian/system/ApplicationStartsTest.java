package org.gongjian.system;

import org.gongjian.GongjianTest;
import org.gongjian.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@GongjianTest
class ApplicationStartsTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void startsOnTheSuitesDatabaseWithGongjiansTablesBesideCamundas() throws Exception {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM demo_clock", Integer.class)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Integer.class)).isNotNull();
        assertThat(rest.getForObject("/actuator/health", String.class)).contains("\"UP\"");
    }

    @Test
    void theLandingPageSaysWhatGongjianIsInChineseAndEnglish() {
        ResponseEntity<String> zh = rest.getForEntity("/", String.class);
        assertThat(zh.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(zh.getBody()).contains("社区与驻区单位共建机制", "liuyang", "刘洋", "新华第一实验小学 联络员",
                "/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/", "/mailbox", "/demo-clock",
                "一份共建协议走完全程", "zhangjianguo（张建国，单位党组织书记）");
        assertThat(rest.getForObject("/?lang=en", String.class)).contains("Joint building between a community");
    }

    @Test
    void theCamundaWebappsAreServed() {
        for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
            assertThat(rest.getForEntity("/camunda/app/" + app + "/default/", String.class).getStatusCode())
                    .as(app).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void actuatorShowsHealthOnlyEvenToAnAdministrator() throws Exception {
        for (String endpoint : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops"}) {
            mvc.perform(get(endpoint).with(user("demo").authorities(() -> CamundaUserAuthentication.ADMIN)))
                    .andExpect(status().isNotFound());
        }
    }
}
