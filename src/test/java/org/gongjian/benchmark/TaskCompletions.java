package org.gongjian.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.gongjian.agreement.AgreementProcess;

/**
 * Task completions per second: community staff complete the agreement's draft, which checks the
 * unit, the term and the needs against the record and leads to the unit's answer, a user task with
 * its due date and its ladder of three timers: the history the application ships with (full) is
 * written on the way. Through the Java API, or through /engine-rest's submit-form as Tasklist does.
 */
final class TaskCompletions {

    static final String STAFF = "liuyang";       // 和平社区 党建专干 in the demo world
    static final String UNIT = "school";         // a unit of 和平社区
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    private final String restBase;
    private final LocalDate termStart;

    TaskCompletions(ProcessEngine engine, String restBase, LocalDate today) {
        this.engine = engine;
        this.restBase = restBase;
        this.termStart = today.plusMonths(1).withDayOfMonth(1);
    }

    /** Starts that many agreements, each waiting at its draft; not timed. */
    List<ProcessInstance> drafts(int count, int threads) throws Exception {
        return parallel(count, threads, i -> {
            engine.getIdentityService().setAuthentication(STAFF, List.of("community-heping-staff"));
            try {
                return engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        });
    }

    /** Completes every draft with that many threads through the Java API; the completions per second. */
    double throughJavaApi(List<ProcessInstance> drafts, int threads) throws Exception {
        List<Task> tasks = tasks(drafts);
        long started = System.nanoTime();
        parallel(tasks.size(), threads, i -> {
            engine.getIdentityService().setAuthentication(STAFF, List.of("community-heping-staff"));
            try {
                engine.getFormService().submitTaskForm(tasks.get(i).getId(), draft());
                return null;
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        });
        return tasks.size() / seconds(started);
    }

    /** Completes every draft with that many threads through /engine-rest (HTTP Basic, submit-form); per second. */
    double throughRest(List<ProcessInstance> drafts, int threads) throws Exception {
        List<Task> tasks = tasks(drafts);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String login = "Basic " + Base64.getEncoder().encodeToString((STAFF + ":demo").getBytes(StandardCharsets.UTF_8));
        String body = JSON.writeValueAsString(Map.of("variables", Map.of(
                "unitId", Map.of("value", UNIT, "type", "String"),
                "termStart", Map.of("value", termStart.toString(), "type", "String"),
                "termEnd", Map.of("value", termStart.plusYears(1).minusDays(1).toString(), "type", "String"),
                "needs", Map.of("value", NEEDS, "type", "Json"))));
        long started = System.nanoTime();
        parallel(tasks.size(), threads, i -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(restBase + "/task/" + tasks.get(i).getId() + "/submit-form"))
                    .header("Authorization", login).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("submit-form answered " + response.statusCode() + ": " + response.body());
            }
            return null;
        });
        return tasks.size() / seconds(started);
    }

    /** How many of the instances wait at the unit's answer with a due date and its three timers. */
    long answeredWithLadder(List<ProcessInstance> instances) {
        return instances.stream().filter(pi -> {
            Task answer = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                    .taskDefinitionKey(AgreementProcess.ANSWER).singleResult();
            long timers = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count();
            return answer != null && answer.getDueDate() != null && timers == 3;
        }).count();
    }

    /** Takes the benchmark's agreements out again, so that they weigh on nothing measured after them. */
    void remove(List<ProcessInstance> instances) {
        engine.getRuntimeService().deleteProcessInstances(instances.stream().map(ProcessInstance::getId).toList(),
                "benchmark", true, true);
    }

    private static final String NEEDS = "[{\"title\": \"关爱空巢老人\", \"description\": \"每月上门探访\"},"
            + " {\"title\": \"青少年课后托管\", \"description\": \"\"}]";

    private Map<String, Object> draft() {
        return Map.of("unitId", UNIT, "termStart", termStart.toString(),
                "termEnd", termStart.plusYears(1).minusDays(1).toString(), "needs", Spin.JSON(NEEDS));
    }

    private List<Task> tasks(List<ProcessInstance> drafts) {
        return drafts.stream().map(pi -> engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(AgreementProcess.DRAFT).singleResult()).toList();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    interface Step<T> {
        T run(int index) throws Exception;
    }

    /** Runs the steps 0 … count-1 on that many threads, each taking the next index; every result, or the first failure. */
    static <T> List<T> parallel(int count, int threads, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Integer> next = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            next.add(i);
        }
        List<T> results = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    Integer i;
                    while ((i = next.poll()) != null) {
                        results.add(step.run(i));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
