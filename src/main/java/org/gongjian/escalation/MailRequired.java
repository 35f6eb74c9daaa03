package org.gongjian.escalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile reminders and escalations must reach a real mail server: with no
 * {@code spring.mail.host} the application refuses to start, unless mail is switched off on
 * purpose with {@code gongjian.mail.disabled=true} (then each mail is logged as not sent).
 */
public class MailRequired implements EnvironmentPostProcessor, Ordered {

    static final String DISABLED = "gongjian.mail.disabled";

    static final String MESSAGE = "No mail server configured. Outside the demo profile reminders and escalations "
            + "must reach people: set spring.mail.host (and spring.mail.port, environment SPRING_MAIL_HOST / "
            + "SPRING_MAIL_PORT), or switch mail off on purpose with " + DISABLED + "=true.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        if (environment.getProperty(DISABLED, Boolean.class, false)) {
            return;
        }
        String host = environment.getProperty("spring.mail.host");
        if (host == null || host.isBlank()) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml, profiles) has been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
