package org.gongjian.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile there is no default password: the first administrator must be
 * configured, or the application refuses to start and says how to configure one.
 */
public class AdministratorRequired implements EnvironmentPostProcessor, Ordered {

    static final String MESSAGE = "No administrator configured. Outside the demo profile Gongjian has no default "
            + "password: set the environment variables GONGJIAN_ADMIN_USER and GONGJIAN_ADMIN_PASSWORD "
            + "(or the properties camunda.bpm.admin-user.id and camunda.bpm.admin-user.password).";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        String id = environment.getProperty("camunda.bpm.admin-user.id");
        String password = environment.getProperty("camunda.bpm.admin-user.password");
        if (id == null || id.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException(MESSAGE);
        }
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml, profiles) has been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
