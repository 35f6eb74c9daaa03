package org.gongjian.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the job executor needs at a city's size, where a million timers wait in the engine's job
 * table and only a few are due: with {@code ensureJobDueDateNotNull} and
 * {@code jobExecutorAcquireByDueDate} (application.yml) the acquisition asks for
 * {@code DUEDATE_ <= now ORDER BY DUEDATE_}, and this index lets PostgreSQL read just the due jobs
 * instead of the whole table on every acquisition. Camunda's schema has no such index, so it is
 * made once the engine has built its schema; jobs from before the setting (no due date, which the
 * acquisition would no longer see) are given one, so that none is left behind.
 *
 * <p>Every acquisition, whatever the settings, also asks whether another job of the same instance is
 * locked (an exclusive job waits for it). PostgreSQL answers that by reading the whole job table for the
 * few locked jobs: at 242,000 jobs 138 ms per acquisition, and the job executor is then bound by its
 * acquisitions. {@value #LOCKED_INDEX} holds only the locked jobs (on PostgreSQL; H2 has no partial
 * index and indexes the lock owner), and the same question takes under a millisecond.
 */
@Configuration
class JobAcquisition {

    static final String INDEX = "GJ_IDX_JOB_DUEDATE";
    static final String LOCKED_INDEX = "GJ_IDX_JOB_LOCKED";

    private static final Logger log = LoggerFactory.getLogger(JobAcquisition.class);

    @Bean
    AbstractProcessEnginePlugin jobAcquisitionPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
                prepare(configuration.getDataSource(), "postgres".equals(configuration.getDatabaseType()),
                        configuration.isEnsureJobDueDateNotNull(), configuration.isJobExecutorAcquireByDueDate());
            }
        };
    }

    static void prepare(DataSource dataSource, boolean postgres, boolean dueDateNotNull, boolean byDueDate) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (dueDateNotNull) {
                try (PreparedStatement due = connection.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE DUEDATE_ IS NULL")) {
                    due.setTimestamp(1, Timestamp.from(new EngineClock(ZoneOffset.UTC).instant()));
                    int given = due.executeUpdate();
                    if (given > 0) {
                        log.info("{} jobs without a due date were made due now, so that the acquisition by due date sees them", given);
                    }
                }
            }
            if (byDueDate) {
                createIndex(connection, "CREATE INDEX IF NOT EXISTS " + INDEX + " ON ACT_RU_JOB (DUEDATE_)");
            }
            createIndex(connection, "CREATE INDEX IF NOT EXISTS " + LOCKED_INDEX + (postgres
                    ? " ON ACT_RU_JOB (PROCESS_INSTANCE_ID_) WHERE LOCK_OWNER_ IS NOT NULL"
                    : " ON ACT_RU_JOB (LOCK_OWNER_)"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the engine's job table for the acquisition", e);
        }
    }

    private static void createIndex(Connection connection, String statement) {
        try (Statement index = connection.createStatement()) {
            index.execute(statement);
        } catch (SQLException e) {
            // another node made it at the same moment; what matters is that it exists
            log.info("A job index was made elsewhere meanwhile: {}", e.getMessage());
        }
    }
}
