package org.gongjian.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.camunda.spin.Spin;
import org.gongjian.TestClock;
import org.gongjian.agreement.AgreementProcess;
import org.gongjian.identity.CityDirectory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A quarter start of a city: agreements in force, each reached the way the application reaches it
 * (the filed agreement's activation, {@code activateAgreement}, numbers it, records it and enters its
 * in-force subprocess with its quarter timer), then the clock at the quarter's first second and the
 * job executor let loose. Measured: the time until every agreement's {@code quarterly-commitment} waits
 * at its first task with its due date and timers, and until no job of the quarter start is left; the
 * peak heap; and, from the engine's own job log, that each agreement got exactly one cycle.
 */
final class QuarterStart {

    /** What the job executor is given: Camunda's stock values, or those Gongjian ships in application.yml. */
    record Settings(String name, int corePoolSize, int maxPoolSize, int queueSize, int maxJobsPerAcquisition,
                    int waitTimeInMillis, long maxWait, int backoffTimeInMillis, long maxBackoff, int lockTimeInMillis,
                    boolean acquireByDueDate, boolean dueDateNotNull) {

        /** The engine's defaults, as Camunda's Spring Boot starter leaves them when nothing is set. */
        static Settings stock() {
            return from("stock", new JobExecutionProperty(), false, false);
        }

        /** The job executor of application.yml, and the acquisition the engine was configured with. */
        static Settings shipped(String name, JobExecutionProperty p, ProcessEngine engine) {
            ProcessEngineConfigurationImpl c = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            return from(name, p, c.isJobExecutorAcquireByDueDate(), c.isEnsureJobDueDateNotNull());
        }

        private static Settings from(String name, JobExecutionProperty p, boolean byDueDate, boolean dueDateNotNull) {
            return new Settings(name, p.getCorePoolSize(), p.getMaxPoolSize(), p.getQueueCapacity(),
                    orElse(p.getMaxJobsPerAcquisition(), 3), orElse(p.getWaitTimeInMillis(), 5000),
                    p.getMaxWait() == null ? 60_000 : p.getMaxWait(), orElse(p.getBackoffTimeInMillis(), 0),
                    p.getMaxBackoff() == null ? 0 : p.getMaxBackoff(), orElse(p.getLockTimeInMillis(), 300_000),
                    byDueDate, dueDateNotNull);
        }

        private static int orElse(Integer value, int otherwise) {
            return value == null ? otherwise : value;
        }
    }

    record Result(int agreements, double secondsToFirstTasks, double secondsToDrained, long peakHeapMb,
                  long cycles, long startJobsRun, long failedJobs, long incidents) {}

    static final String FIRST_TASK = "prepareProjects";
    /** A sub-district's size in communities: a street committee's few dozen. */
    static final int COMMUNITIES_PER_SUB_DISTRICT = 50;

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final org.gongjian.identity.DirectoryImport directoryImport;

    QuarterStart(ProcessEngine engine, JdbcTemplate jdbc, org.gongjian.identity.DirectoryImport directoryImport) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.directoryImport = directoryImport;
    }

    /**
     * Imports the units (communities of twenty, sub-districts of fifty communities, one directory file each
     * as an operator imports them) and brings one agreement per unit into force, its term the year from
     * {@code termStart}; not timed. The agreements' process instances.
     */
    List<String> agreementsInForce(String prefix, int count, LocalDate termStart) throws Exception {
        int perCommunity = Math.min(20, count);
        int communities = (count + perCommunity - 1) / perCommunity;
        List<CityDirectory.Stationed> units = new ArrayList<>();
        // one file for a whole city is one transaction of hundreds of thousands of engine commands: 50,000 units
        // in one file ran out of a 1 GiB heap
        for (int first = 0, part = 1; first < communities; first += COMMUNITIES_PER_SUB_DISTRICT, part++) {
            units.addAll(CityDirectory.importCity(directoryImport, communities > COMMUNITIES_PER_SUB_DISTRICT ? prefix + "s" + part : prefix,
                    Math.min(COMMUNITIES_PER_SUB_DISTRICT, communities - first), perCommunity));
        }
        List<CityDirectory.Stationed> imported = units.subList(0, count);
        return TaskCompletions.parallel(count, 4, i -> {
            CityDirectory.Stationed unit = imported.get(i);
            Map<String, Object> agreed = new HashMap<>();
            agreed.put(AgreementProcess.INITIATOR, unit.communityId() + "-staff");
            agreed.put(AgreementProcess.COMMUNITY_ID, unit.communityId());
            agreed.put(AgreementProcess.COMMUNITY_NAME, unit.communityName());
            agreed.put(AgreementProcess.UNIT_ID, unit.unitId());
            agreed.put(AgreementProcess.UNIT_NAME, unit.unitName());
            agreed.put(AgreementProcess.SUPERVISOR_ID, unit.supervisorId());
            agreed.put(AgreementProcess.TERM_START, termStart.toString());
            agreed.put(AgreementProcess.TERM_END, termStart.plusYears(1).minusDays(1).toString());
            agreed.put(AgreementProcess.NEEDS, Spin.JSON("[{\"title\": \"关爱空巢老人\", \"description\": \"每月上门探访\"}]"));
            agreed.put(AgreementProcess.VENUES, Spin.JSON("[{\"name\": \"多功能厅\", \"capacity\": 80}]"));
            agreed.put(AgreementProcess.VOLUNTEERS, 10L);
            agreed.put(AgreementProcess.EXPERTISE, "青少年教育");
            agreed.put(AgreementProcess.ANNUAL_FUNDS, 20000.0);
            agreed.put(AgreementProcess.CONTACT_PERSON, "联络员");
            agreed.put(AgreementProcess.CONTACT_PHONE, "13900000000");
            agreed.put(AgreementProcess.PROPOSED_ACTIVITIES, Spin.JSON("[{\"title\": \"周末课堂\", \"timing\": \"每月\"}]"));
            agreed.put(AgreementProcess.UNIT_SIGNED, true);
            agreed.put(AgreementProcess.COMMUNITY_SIGNED, true);
            agreed.put(AgreementProcess.FILING_DECISION, "file");
            return engine.getRuntimeService().createProcessInstanceByKey(AgreementProcess.KEY)
                    .startBeforeActivity("activateAgreement").setVariables(agreed).execute().getId();
        });
    }

    /**
     * Sets the clock to {@code at} (a quarter's first second), runs a job executor with the settings until
     * the agreements' cycles wait at their first task and no due job is left, and stops it again.
     */
    Result run(List<String> agreements, Settings settings, Instant at, String quarter) throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor shipped = configuration.getJobExecutor();
        DefaultJobExecutor executor = executor(settings);
        // what the engine gives its own executor when the queue is full: the jobs go back to acquisition
        executor.setRejectedJobsHandler(shipped.getRejectedJobsHandler() != null ? shipped.getRejectedJobsHandler()
                : new NotifyAcquisitionRejectedJobsHandler());
        List<String> numbers = numbers(agreements);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long cyclesBefore = cyclesOfTheQuarter(quarter);
        boolean byDueDate = configuration.isJobExecutorAcquireByDueDate();
        boolean dueDateNotNull = configuration.isEnsureJobDueDateNotNull();
        TestClock.at(at);
        long started = System.nanoTime();
        // read by the engine at each acquisition and each job it creates: they apply from here on
        configuration.setJobExecutorAcquireByDueDate(settings.acquireByDueDate());
        configuration.setEnsureJobDueDateNotNull(settings.dueDateNotNull());
        double firstTasks = -1;
        configuration.setJobExecutor(executor);
        executor.registerProcessEngine((ProcessEngineImpl) engine);
        sampler.start();
        executor.start();
        try {
            long reported = started;
            // polling a city's cycles costs the database too: often enough for seconds, rarely for a city
            long poll = Math.max(100, Math.min(2000, numbers.size() / 10));
            while (true) {
                // the cheap count while cycles are still starting, the exact one (first task, due date, timers) once
                // they all have: the exact one reads a city's cycles, tasks and jobs, and polled every two seconds it
                // was a load of its own on the database the job executor shares
                long begun = cyclesOfTheQuarter(quarter) - cyclesBefore;
                if (firstTasks < 0 && begun >= numbers.size() && cyclesAtFirstTask(numbers, quarter) == numbers.size()) {
                    firstTasks = (System.nanoTime() - started) / 1e9;
                }
                if (firstTasks >= 0 && dueJobs(TestClock.now()) == 0) {
                    break;
                }
                if (System.nanoTime() - reported > 30e9) {
                    // a long run says how far it is, on the error stream (the figures go to the output)
                    reported = System.nanoTime();
                    System.err.printf("quarter start (%s): %.0f s, %d of %d cycles begun, %d jobs due%n",
                            settings.name(), (reported - started) / 1e9, begun, numbers.size(), dueJobs(TestClock.now()));
                }
                if ((System.nanoTime() - started) / 1e9 > 3600) {
                    throw new IllegalStateException("the quarter start did not finish within an hour");
                }
                Thread.sleep(poll);
            }
        } finally {
            executor.shutdown();
            executor.unregisterProcessEngine((ProcessEngineImpl) engine);
            configuration.setJobExecutor(shipped);
            configuration.setJobExecutorAcquireByDueDate(byDueDate);
            configuration.setEnsureJobDueDateNotNull(dueDateNotNull);
            sampler.interrupt();
        }
        double drained = (System.nanoTime() - started) / 1e9;
        return new Result(numbers.size(), firstTasks, drained, peak.get() / (1024 * 1024), cycles(numbers, quarter),
                startJobsRun(agreements), failedJobs(agreements), incidents(agreements));
    }

    /** The agreements' numbers, by which their cycles are recorded. */
    List<String> numbers(List<String> agreements) {
        return agreements.stream().map(id -> (String) engine.getRuntimeService()
                .getVariable(id, AgreementProcess.AGREEMENT_NUMBER)).toList();
    }

    /**
     * The engine's ledger of jobs run (history, job_state_ 2 = successful): the agreements' quarter timer jobs,
     * one per agreement if each started its cycle once.
     */
    long startJobsRun(List<String> agreements) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM act_hi_job_log WHERE act_id_ = 'quarterStarted' AND job_state_ = 2
                  AND process_instance_id_ IN (SELECT unnest(?::text[]))""", Long.class, (Object) agreements.toArray(String[]::new));
    }

    /** The agreements' jobs that succeeded more than once in the engine's ledger: none, if no job ran twice. */
    long jobsRunTwice(List<String> agreements) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2
                  AND process_instance_id_ IN (SELECT unnest(?::text[])) GROUP BY job_id_ HAVING COUNT(*) > 1) twice""",
                Long.class, (Object) agreements.toArray(String[]::new));
    }

    long incidents(List<String> agreements) {
        Set<String> mine = new HashSet<>(agreements);
        return engine.getRuntimeService().createIncidentQuery().list().stream()
                .filter(incident -> mine.contains(incident.getProcessInstanceId())).count();
    }

    long failedJobs(List<String> agreements) {
        Set<String> mine = new HashSet<>(agreements);
        return engine.getManagementService().createJobQuery().withException().list().stream()
                .filter(job -> mine.contains(job.getProcessInstanceId())).count();
    }

    /** The first day of the quarter after {@code today}'s. */
    static LocalDate nextQuarter(LocalDate today) {
        return today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
    }

    /** A quarter as the cycles record it: 2027-Q1. */
    static String quarterName(LocalDate quarter) {
        return quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1);
    }

    /** The agreements' cycles of the quarter that wait at their first task with a due date and its timers. */
    int cyclesAtFirstTask(List<String> numbers, String quarter) {
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT c.agreement_number) FROM quarterly_cycle c
                JOIN act_ru_task t ON t.proc_inst_id_ = c.process_instance_id AND t.task_def_key_ = ? AND t.due_date_ IS NOT NULL
                WHERE c.quarter = ? AND c.agreement_number IN (SELECT unnest(?::text[]))
                  AND EXISTS (SELECT 1 FROM act_ru_job j WHERE j.process_instance_id_ = c.process_instance_id AND j.type_ = 'timer')""",
                Integer.class, FIRST_TASK, quarter, (Object) numbers.toArray(String[]::new));
        return n == null ? 0 : n;
    }

    /** The agreements' recorded cycles of the quarter (one row per agreement and quarter, by its primary key). */
    long cycles(List<String> numbers, String quarter) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM quarterly_cycle WHERE quarter = ? AND agreement_number IN (SELECT unnest(?::text[]))",
                Long.class, quarter, (Object) numbers.toArray(String[]::new));
        return n == null ? 0 : n;
    }

    /** Every agreement's recorded cycles of the quarter: one row each, counted without the agreements' numbers. */
    long cyclesOfTheQuarter(String quarter) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM quarterly_cycle WHERE quarter = ?", Long.class, quarter);
        return n == null ? 0 : n;
    }

    /**
     * Jobs a job executor could run at {@code now}: retries left, not suspended, due (or without a due date, as
     * the stock settings make async steps), locked or not; not the history cleanup's one job. Read through the
     * due-date index: the engine's {@code executable()} count joins every job of the table to its instance.
     */
    long dueJobs(Instant now) {
        Long n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1
                  AND (duedate_ IS NULL OR duedate_ <= ?) AND handler_type_ <> 'history-cleanup'""", Long.class,
                Timestamp.from(now));
        return n == null ? 0 : n;
    }

    private static DefaultJobExecutor executor(Settings s) {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(s.corePoolSize());
        executor.setMaxPoolSize(s.maxPoolSize());
        executor.setQueueSize(s.queueSize());
        executor.setMaxJobsPerAcquisition(s.maxJobsPerAcquisition());
        executor.setWaitTimeInMillis(s.waitTimeInMillis());
        executor.setMaxWait(s.maxWait());
        executor.setBackoffTimeInMillis(s.backoffTimeInMillis());
        executor.setMaxBackoff(s.maxBackoff());
        executor.setLockTimeInMillis(s.lockTimeInMillis());
        return executor;
    }
}
