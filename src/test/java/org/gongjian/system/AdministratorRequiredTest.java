package org.gongjian.system;

import org.gongjian.GongjianApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdministratorRequiredTest {

    private final AdministratorRequired check = new AdministratorRequired();
    private final SpringApplication app = new SpringApplication(GongjianApplication.class);

    @Test
    void outsideTheDemoStartupStopsWithoutAnAdministrator() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");
        assertThatThrownBy(() -> check.postProcessEnvironment(production, app))
                .hasMessageContaining("GONGJIAN_ADMIN_USER").hasMessageContaining("GONGJIAN_ADMIN_PASSWORD");

        production.setProperty("camunda.bpm.admin-user.id", "ops");
        production.setProperty("camunda.bpm.admin-user.password", " ");
        assertThatThrownBy(() -> check.postProcessEnvironment(production, app)).hasMessageContaining("No administrator");

        production.setProperty("camunda.bpm.admin-user.password", "secret");
        assertThatCode(() -> check.postProcessEnvironment(production, app)).doesNotThrowAnyException();
    }

    @Test
    void theApplicationRefusesToStartWithoutAnAdministrator() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GongjianApplication.class)
                .profiles("postgres")
                .properties("spring.main.web-application-type=none")
                .run())
                .hasMessageContaining("No administrator configured")
                .hasMessageContaining("GONGJIAN_ADMIN_USER");
    }

    @Test
    void theDemoNeedsNoConfiguredAdministrator() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("postgres", "demo");
        assertThatCode(() -> check.postProcessEnvironment(demo, app)).doesNotThrowAnyException();
        MockEnvironment unnamed = new MockEnvironment();
        unnamed.setDefaultProfiles("demo");
        assertThatCode(() -> check.postProcessEnvironment(unnamed, app)).doesNotThrowAnyException();
    }
}
