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

/** Without the demo profile: no seeds, no demo clock, the administrator from configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"GONGJIAN_ADMIN_USER=ops", "GONGJIAN_ADMIN_PASSWORD=a-long-secret-from-the-vault"})
@ActiveProfiles(resolver = TestDatabase.Production.class)
@AutoConfigureMockMvc
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
    void theAdministratorComesFromConfigurationWithNoDemoPassword() {
        assertThat(identity.checkPassword("ops", "a-long-secret-from-the-vault")).isTrue();
        assertThat(identity.createGroupQuery().groupMember("ops").groupId("camunda-admin").count()).isEqualTo(1);
    }
}
