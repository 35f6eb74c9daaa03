package org.gongjian.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's engine clock: moved forward a day at a time, running at each day the timers and
 * other jobs that fall due, so that a quarter passes in minutes and each reminder fires on its
 * own day. The offset is stored, so the demo's date survives a restart. Demo profile only. When
 * the engine's job executor runs (the demo app), it runs the jobs and the clock waits for it;
 * without one (the tests), the clock runs them itself — never both, so no job runs twice at once.
 *
 * <p>In a cluster every node follows a move made on any of them: each polls the stored offset every
 * {@code gongjian.demo-clock.follow-interval} (one second; zero switches following off, as the tests do,
 * which set the clock themselves) and reports the offset it runs on in {@code demo_clock_node}. The
 * moving node waits, each day, until every node heard from in the last seconds runs on the new day
 * before it wakes the job executors, so that no node runs that day's jobs on yesterday's time. A move
 * made while another node's move is under way stops one of the two with a message, instead of adding days twice.
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
    /** A node that has not reported for this long is taken for stopped; the moving node does not wait for it. */
    static final Duration NODE_SILENCE = Duration.ofSeconds(10);
    /** How long a day waits for the other nodes to follow before it goes on without them. */
    static final Duration FOLLOW_TIMEOUT = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final ProcessEngine engine;
    private final EngineClock clock;
    private final NodeName node;
    private final Duration followInterval;
    private ScheduledExecutorService follower;
    /** The stored offset this node last ran on, or null before the first move. */
    private Long followed;

    DemoClock(JdbcTemplate jdbc, ManagementService management, ProcessEngine engine, EngineClock clock, NodeName node,
              @Value("${gongjian.demo-clock.follow-interval:1s}") Duration followInterval) {
        if (followInterval.isNegative()) {
            throw new IllegalArgumentException("gongjian.demo-clock.follow-interval must not be negative, was " + followInterval);
        }
        this.jdbc = jdbc;
        this.management = management;
        this.engine = engine;
        this.clock = clock;
        this.node = node;
        this.followInterval = followInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void restore() {
        Long offset = stored();
        if (offset != null) {
            clock.offset(offset);
            followed = offset;
            log.info("Demo clock restored: engine time is {}", now());
        }
        if (following() && follower == null) {
            report();
            follower = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "demo-clock-follower");
                thread.setDaemon(true);
                return thread;
            });
            follower.scheduleWithFixedDelay(this::followQuietly, followInterval.toMillis(), followInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stopFollowing() {
        if (follower != null) {
            follower.shutdownNow();
        }
    }

    private boolean following() {
        return !followInterval.isZero();
    }

    /** Takes on a move another node made, and reports the offset this node runs on. */
    synchronized void follow() {
        Long offset = stored();
        if (offset != null && !offset.equals(followed)) {
            clock.offset(offset);
            followed = offset;
            log.info("Demo clock moved on another node: engine time is {}", now());
            JobExecutor executor = jobExecutor();
            if (executor != null && executor.isActive()) {
                // a new day has jobs due: this node's executor should not sleep through them
                executor.jobWasAdded();
            }
        }
        report();
    }

    private void followQuietly() {
        try {
            follow();
        } catch (RuntimeException e) {
            log.warn("Following the demo clock failed, trying again: {}", e.getMessage());
        }
    }

    private Long stored() {
        List<Long> offset = jdbc.queryForList("SELECT offset_millis FROM demo_clock WHERE id = 1", Long.class);
        return offset.isEmpty() ? null : offset.get(0);
    }

    /** Before the first move a node runs on the real time, offset 0: a first move waits for it too. */
    private void report() {
        long offset = followed == null ? 0 : followed;
        long at = System.currentTimeMillis();
        int updated = jdbc.update("UPDATE demo_clock_node SET offset_millis = ?, seen_at = ? WHERE node_name = ?",
                offset, at, node.value());
        if (updated == 0) {
            jdbc.update("INSERT INTO demo_clock_node (node_name, offset_millis, seen_at) VALUES (?, ?, ?)",
                    node.value(), offset, at);
        }
    }

    /** Waits until every node heard from lately runs on that offset, or the timeout; says which did not. */
    private void awaitOtherNodes(long offset) {
        Instant deadline = Instant.now().plus(FOLLOW_TIMEOUT);
        List<String> behind = behind(offset);
        while (!behind.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(Math.min(50, followInterval.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            behind = behind(offset);
        }
        if (!behind.isEmpty()) {
            log.warn("Nodes {} have not followed the demo clock to {} within {}; going on without them", behind, now(), FOLLOW_TIMEOUT);
        }
    }

    private List<String> behind(long offset) {
        return jdbc.queryForList("SELECT node_name FROM demo_clock_node WHERE node_name <> ? AND offset_millis <> ? AND seen_at > ?",
                String.class, node.value(), offset, System.currentTimeMillis() - NODE_SILENCE.toMillis());
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
        Long before = stored();
        if (following() && before != null) {
            // start from where the cluster is, should another node have moved the clock a moment ago
            clock.offset(before);
        }
        for (int day = 0; day < days; day++) {
            long offset = Duration.between(Instant.now(), now()).toMillis() + Duration.ofDays(1).toMillis();
            store(before, offset, movedBy);
            before = offset;
            clock.offset(offset);
            followed = offset;
            if (following()) {
                report();
                awaitOtherNodes(offset);
            }
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

    /** Stores the new offset if the stored one is still the one this move began from. */
    private void store(Long expected, long offsetMillis, String movedBy) {
        Timestamp at = Timestamp.from(Instant.now());
        if (expected == null) {
            try {
                jdbc.update("INSERT INTO demo_clock (id, offset_millis, moved_at, moved_by) VALUES (1, ?, ?, ?)",
                        offsetMillis, at, movedBy);
            } catch (DuplicateKeyException e) {
                throw new ConcurrentMoveException("The demo clock was moved for the first time by someone else at the same time "
                        + "(on another node). Look at it and move it again if needed.");
            }
            return;
        }
        int updated = jdbc.update("UPDATE demo_clock SET offset_millis = ?, moved_at = ?, moved_by = ? WHERE id = 1 AND offset_millis = ?",
                offsetMillis, at, movedBy, expected);
        if (updated == 0) {
            throw new ConcurrentMoveException("The demo clock was moved by someone else at the same time (on another node); "
                    + "it now shows " + now() + ". Look at it and move it again if needed.");
        }
    }

    /** Two moves at once, on different nodes: one of them stops. */
    public static class ConcurrentMoveException extends IllegalStateException {
        ConcurrentMoveException(String message) {
            super(message);
        }
    }

    /** Travels to the next page as a flash attribute, in the session, which the database keeps: serializable. */
    public record Advance(Instant now, int jobsRun, int jobsFailed) implements java.io.Serializable {}
}
