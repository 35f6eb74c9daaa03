package org.gongjian.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's engine clock: moved forward a day at a time, running at each day the timers and
 * other jobs that fall due, so that a quarter passes in minutes and each reminder fires on its
 * own day. The offset is stored, so the demo's date survives a restart. Demo profile only. When
 * the engine's job executor runs (the demo app), it runs the jobs and the clock waits for it;
 * without one (the tests), the clock runs them itself — never both, so no job runs twice at once.
 */
@Component
@Profile("demo")
public class DemoClock {

    public static final int MAX_DAYS = 366;
    /** Stops a job that keeps rescheduling itself for "now" from holding the clock forever. */
    static final int MAX_JOBS_PER_DAY = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DemoClock.class);

    /** How long one day waits for the job executor before moving on; what is left runs later. */
    static final Duration DAY_TIMEOUT = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final ProcessEngine engine;
    private final EngineClock clock;

    DemoClock(JdbcTemplate jdbc, ManagementService management, ProcessEngine engine, EngineClock clock) {
        this.jdbc = jdbc;
        this.management = management;
        this.engine = engine;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void restore() {
        List<Long> offset = jdbc.queryForList("SELECT offset_millis FROM demo_clock WHERE id = 1", Long.class);
        if (!offset.isEmpty()) {
            clock.offset(offset.get(0));
            log.info("Demo clock restored: engine time is {}", now());
        }
    }

    public Instant now() {
        return clock.instant();
    }

    public long offsetDays() {
        return Duration.between(Instant.now(), now()).plusMinutes(1).toDays();
    }

    /**
     * Moves the clock forward by whole days and runs what falls due on each day.
     *
     * @return the number of jobs run
     */
    public synchronized Advance advance(int days, String movedBy) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        int executed = 0;
        int failed = 0;
        for (int day = 0; day < days; day++) {
            long offset = Duration.between(Instant.now(), now()).toMillis() + Duration.ofDays(1).toMillis();
            clock.offset(offset);
            store(offset, movedBy);
            JobExecutor executor = jobExecutor();
            if (executor != null && executor.isActive()) {
                // the job executor runs the day's jobs itself; running them here as well would race it
                Advance ran = awaitJobExecutor(executor);
                executed += ran.jobsRun();
                failed += ran.jobsFailed();
                continue;
            }
            for (int n = 0; n < MAX_JOBS_PER_DAY; n++) {
                List<Job> due = management.createJobQuery().executable().active().listPage(0, 1);
                if (due.isEmpty()) {
                    break;
                }
                String jobId = due.get(0).getId();
                try {
                    management.executeJob(jobId);
                    executed++;
                } catch (RuntimeException e) {
                    if (management.createJobQuery().jobId(jobId).count() == 0) {
                        // the job executor ran it at the same moment; it is done, once
                        executed++;
                    } else {
                        // the engine has counted the failure down on the job; at zero retries it is an incident in Cockpit
                        failed++;
                        log.warn("Job {} failed at demo time {}: {}", jobId, now(), e.getMessage());
                    }
                }
            }
        }
        log.info("Demo clock moved {} days by {} to {}: {} jobs run, {} failed", days, movedBy, now(), executed, failed);
        return new Advance(now(), executed, failed);
    }

    /** Wakes the job executor for the new day and waits until nothing due is left, or the day's timeout. */
    private Advance awaitJobExecutor(JobExecutor executor) {
        long succeededBefore = engine.getHistoryService().createHistoricJobLogQuery().successLog().count();
        long failedBefore = engine.getHistoryService().createHistoricJobLogQuery().failureLog().count();
        executor.jobWasAdded();
        Instant deadline = Instant.now().plus(DAY_TIMEOUT);
        long left = management.createJobQuery().executable().active().count();
        while (left > 0 && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = management.createJobQuery().executable().active().count();
        }
        if (left > 0) {
            log.warn("{} jobs due at demo time {} are still waiting for the job executor; they run later", left, now());
        }
        // what the executor did, as the engine's job log records it
        long succeeded = engine.getHistoryService().createHistoricJobLogQuery().successLog().count() - succeededBefore;
        long failed = engine.getHistoryService().createHistoricJobLogQuery().failureLog().count() - failedBefore;
        return new Advance(now(), (int) succeeded, (int) failed);
    }

    private JobExecutor jobExecutor() {
        return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration
                ? configuration.getJobExecutor() : null;
    }

    private void store(long offsetMillis, String movedBy) {
        Timestamp at = Timestamp.from(Instant.now());
        int updated = jdbc.update("UPDATE demo_clock SET offset_millis = ?, moved_at = ?, moved_by = ? WHERE id = 1",
                offsetMillis, at, movedBy);
        if (updated == 0) {
            jdbc.update("INSERT INTO demo_clock (id, offset_millis, moved_at, moved_by) VALUES (1, ?, ?, ?)",
                    offsetMillis, at, movedBy);
        }
    }

    /** Travels to the next page as a flash attribute, in the session, which the database keeps: serializable. */
    public record Advance(Instant now, int jobsRun, int jobsFailed) implements java.io.Serializable {}
}
