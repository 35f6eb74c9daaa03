package org.gongjian.system;

import org.camunda.bpm.engine.IdentityService;
import org.gongjian.TestDatabase;
import org.gongjian.identity.SeedWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Without the demo profile: no seeds, no demo clock, no embedded mailbox, the administrator from
 * configuration; mail switched off on purpose (there is no mail host), so the start-up goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"GONGJIAN_ADMIN_USER=ops", "GONGJIAN_ADMIN_PASSWORD=a-long-secret-from-the-vault",
                "gongjian.mail.disabled=true"})
@ActiveProfiles(resolver = TestDatabase.Production.class)
@AutoConfigureMockMvc
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ProductionProfileTest {

    @Autowired ApplicationContext context;
    @Autowired IdentityService identity;
    @Autowired MockMvc mvc;

    @Test
    void thereIsNoDemoWorldAndNoDemoClock() throws Exception {
        assertThat(context.getBeanNamesForType(SeedWorld.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoClock.class)).isEmpty();
        mvc.perform(get("/demo-clock").with(user("ops").authorities(() -> CamundaUserAuthentication.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/demo-clock").param("days", "30").with(csrf()).with(user("ops").authorities(() -> CamundaUserAuthentication.ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thereIsNoEmbeddedMailboxAndNoMailboxPage() throws Exception {
        assertThat(context.getBeanNamesForType(com.icegreen.greenmail.util.GreenMail.class)).isEmpty();
        mvc.perform(get("/mailbox").with(user("ops").authorities(() -> CamundaUserAuthentication.ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void withMailSwitchedOffAMailIsLoggedAsNotSentAndNothingFails(
            org.springframework.boot.test.system.CapturedOutput output) {
        context.getBean(org.gongjian.escalation.OutgoingMail.class)
                .send(java.util.List.of("lihua@xinhua.example.cn"), "提醒：季度承诺待提交", "text", "<p>html</p>");
        assertThat(output).contains("NOT SENT", "lihua@xinhua.example.cn", "提醒：季度承诺待提交");
    }

    @Test
    void theAdministratorComesFromConfigurationWithNoDemoPassword() {
        assertThat(identity.checkPassword("ops", "a-long-secret-from-the-vault")).isTrue();
        assertThat(identity.createGroupQuery().groupMember("ops").groupId("camunda-admin").count()).isEqualTo(1);
    }
}
