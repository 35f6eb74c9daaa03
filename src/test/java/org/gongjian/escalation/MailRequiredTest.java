package org.gongjian.escalation;

import org.gongjian.GongjianApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailRequiredTest {

    private final MailRequired check = new MailRequired();
    private final SpringApplication app = new SpringApplication(GongjianApplication.class);

    @Test
    void outsideTheDemoStartupStopsWithoutAMailHostUnlessMailIsSwitchedOff() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");
        assertThatThrownBy(() -> check.postProcessEnvironment(production, app))
                .hasMessageContaining("spring.mail.host").hasMessageContaining("gongjian.mail.disabled=true");

        production.setProperty("spring.mail.host", " ");
        assertThatThrownBy(() -> check.postProcessEnvironment(production, app)).hasMessageContaining("No mail server");

        production.setProperty("gongjian.mail.disabled", "true");
        assertThatCode(() -> check.postProcessEnvironment(production, app)).doesNotThrowAnyException();

        production.setProperty("gongjian.mail.disabled", "false");
        production.setProperty("spring.mail.host", "smtp.xinhua.example.cn");
        assertThatCode(() -> check.postProcessEnvironment(production, app)).doesNotThrowAnyException();
    }

    @Test
    void theApplicationRefusesToStartWithoutAMailHost() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GongjianApplication.class)
                .profiles("postgres")
                .properties("spring.main.web-application-type=none",
                        "GONGJIAN_ADMIN_USER=ops", "GONGJIAN_ADMIN_PASSWORD=secret")
                .run())
                .hasMessageContaining("No mail server configured")
                .hasMessageContaining("spring.mail.host");
    }

    @Test
    void theDemoKeepsItsEmbeddedMailbox() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("postgres", "demo");
        assertThatCode(() -> check.postProcessEnvironment(demo, app)).doesNotThrowAnyException();
    }
}
