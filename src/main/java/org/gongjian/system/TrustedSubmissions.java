package org.gongjian.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Trust the record, not the submission: the engine is set up so that a person completing a task
 * can send only the fields of its form ({@link SubmissionGuard}) and cannot write the process's
 * variables any other way ({@link TaskPermissions}: candidates work on a task, they do not update
 * it), and so that the engine's failures are answered in words ({@link EngineErrorResponses}).
 */
@Configuration
class TrustedSubmissions {

    @Bean
    AbstractProcessEnginePlugin trustedSubmissionsPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
                configuration.setResourceAuthorizationProvider(new TaskPermissions());
                List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
                interceptors.add(0, new SubmissionGuard(configuration));
                configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
            }
        };
    }

    @Bean
    FilterRegistrationBean<EngineErrorResponses> engineErrorResponses() {
        FilterRegistrationBean<EngineErrorResponses> registration = new FilterRegistrationBean<>(new EngineErrorResponses());
        registration.setName("engine-error-responses");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // outermost, so that it sees what every other filter and servlet answered
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
