package org.gongjian.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A person's authorization checks name the person's own groups, as they are. Before each check the
 * engine narrows them to the groups that hold any authorization, and to know those it reads every
 * distinct group of the authorization table once per command: in a city, where every unit's leader
 * and liaison groups are candidates of tasks (each such task an authorization), that is hundreds of
 * thousands of rows read several times for every Tasklist list, while a person has two or three
 * groups. Leaving a group without authorizations in the check changes no answer, only the work.
 * Measured by the benchmark ({@code ListsAtSize}, docs/benchmarks.md).
 */
@Configuration
class AuthorizationCheckGroups {

    @Bean
    AbstractProcessEnginePlugin authorizationCheckGroupsPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
                factories.add(new OwnGroups());
                configuration.setCustomSessionFactories(factories);
            }
        };
    }

    /** Opens the engine's authorization manager with the person's groups left as they are. */
    static final class OwnGroups implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new AuthorizationManager() {
                @Override
                public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
                    // a copy, as the engine's own answer is: the check may keep it
                    return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
                }
            };
        }
    }
}
