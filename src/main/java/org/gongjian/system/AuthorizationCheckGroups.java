package org.gongjian.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A person's authorization checks name the person's own groups, as they are. Before each check the
 * engine narrows them to the groups that hold any authorization, and to know those it reads every
 * distinct group of the authorization table once per command: in a city, where every unit's leader
 * and liaison groups are candidates of tasks (each such task an authorization), that is hundreds of
 * thousands of rows read several times for every Tasklist list, while a person has two or three
 * groups. Leaving a group without authorizations in the check changes no answer, only the work.
 *
 * <p>Each check asks for the rows of the person ({@code USER_ID_ IN (…)}) or of the person's groups
 * ({@code GROUP_ID_ IN (…)}). Camunda's schema indexes the groups alone but the user only behind the
 * authorization's type, so PostgreSQL read the whole table for every check; with an index on the user
 * too it reads both through their indexes. Most rows are a group's (a task's candidates), so on
 * PostgreSQL the index holds only the rows that name a user. Made once the engine has built its schema.
 * Measured by the benchmark ({@code ListsAtSize}, docs/benchmarks.md).
 */
@Configuration
class AuthorizationCheckGroups {

    static final String USER_INDEX = "GJ_IDX_AUTH_USER";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationCheckGroups.class);

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

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
                indexTheUser(configuration.getDataSource(), "postgres".equals(configuration.getDatabaseType()));
            }
        };
    }

    static void indexTheUser(DataSource dataSource, boolean postgres) {
        String index = "CREATE INDEX IF NOT EXISTS " + USER_INDEX + " ON ACT_RU_AUTHORIZATION (USER_ID_)"
                + (postgres ? " WHERE USER_ID_ IS NOT NULL" : "");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(index);
        } catch (SQLException e) {
            // another node made it at the same moment, or the database refused: the checks still answer, only slower
            log.warn("The authorization table's index on the user was not made: {}", e.getMessage());
        }
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
