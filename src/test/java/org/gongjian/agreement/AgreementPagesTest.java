package org.gongjian.agreement;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.agreement.AgreementWorld.*;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The agreement's page, its printable PDF with the Chinese text in it, and termination by a party. */
@GongjianTest
@ExtendWith(TestClock.class)
class AgreementPagesTest {

    @Autowired ProcessEngine engine;
    @Autowired MockMvc mvc;

    AgreementWorld world;
    ProcessInstance pi;
    String number;

    @BeforeEach
    void anAgreementInForce() {
        world = new AgreementWorld(engine);
        pi = world.activeAgreement("2027-01-01", "2028-12-31");
        number = (String) engine.getRuntimeService().getVariable(pi.getId(), "agreementNumber");
    }

    @AfterEach
    void noOne() {
        world.nobody();
    }

    @Test
    void thePrintableAgreementCarriesItsChineseText() throws Exception {
        byte[] pdf = mvc.perform(get("/agreements/" + number + ".pdf").with(person(SECRETARY, "community-heping-secretary")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page));
        }
        assertThat(text.toString()).contains("社区共建协议", number, "和平社区", "新华第一实验小学", "关爱空巢老人",
                "周末课堂", "张建国", "王芳");
    }

    @Test
    void onlyThePartiesAndTheStreetCommitteeSeeTheAgreement() throws Exception {
        mvc.perform(get("/agreements/" + number).with(person(LIAISON, "unit-school-liaison")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("新华第一实验小学")));
        mvc.perform(get("/agreements/" + number).with(person(STREET, "street-committee"))).andExpect(status().isOk());
        mvc.perform(get("/agreements/" + number).with(person(OTHER_LIAISON, "unit-power-liaison"))).andExpect(status().isNotFound());
        mvc.perform(get("/agreements/" + number + ".pdf").with(person(OTHER_LIAISON, "unit-power-liaison")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/agreements").with(person(LIAISON, "unit-school-liaison")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(number)));
        mvc.perform(get("/agreements").with(person(STAFF, "community-heping-staff")))
                .andExpect(content().string(containsString(number)));
        mvc.perform(get("/agreements").with(person(STREET, "street-committee")))
                .andExpect(content().string(containsString(number)));
        mvc.perform(get("/agreements").with(person(OTHER_LIAISON, "unit-power-liaison")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString(number))));
    }

    @Test
    void theUnitLeaderTerminatesWithAReason() throws Exception {
        mvc.perform(post("/agreements/" + number + "/termination").param("reason", "单位搬迁").with(csrf())
                        .with(person(LIAISON, "unit-school-liaison")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/agreements/" + number + "/termination").param("reason", "  ").with(csrf())
                        .with(person(LEADER, "unit-school-leader")))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("reason")));
        assertThat(world.job(pi, "quarterStarted")).as("still in force").isNotNull();

        mvc.perform(post("/agreements/" + number + "/termination").param("reason", "单位整体搬迁出本社区").with(csrf())
                        .with(person(LEADER, "unit-school-leader")))
                .andExpect(status().isFound());
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "terminationReason")).isEqualTo("单位整体搬迁出本社区");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "terminatedBy")).isEqualTo(LEADER);
        world.run(pi, "terminateAgreement");
        mvc.perform(get("/agreements/" + number).with(person(SECRETARY, "community-heping-secretary")))
                .andExpect(content().string(containsString("已终止")));
    }

    private static RequestPostProcessor person(String id, String group) {
        return user(id).authorities(() -> "GROUP_" + group);
    }
}
