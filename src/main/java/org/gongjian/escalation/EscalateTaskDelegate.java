package org.gongjian.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One rung of a task's ladder, run as its own job after the timer fired: if the task is still
 * open, logs the step and mails the people the service-level table names. A failing mail server
 * fails the job, which the engine retries with backoff and finally shows as an incident in
 * Cockpit; the task itself is never touched, completed or cancelled here.
 */
@Component("escalateTaskDelegate")
class EscalateTaskDelegate implements JavaDelegate {

    private final TaskService tasks;
    private final ServiceLevels serviceLevels;
    private final EscalationRecipients recipients;
    private final EscalationLog log;
    private final MailTemplates templates;
    private final OutgoingMail mail;
    private final String baseUrl;
    private final DateTimeFormatter time;
    private final Clock clock;

    EscalateTaskDelegate(TaskService tasks, ServiceLevels serviceLevels, EscalationRecipients recipients,
                         EscalationLog log, MailTemplates templates, OutgoingMail mail,
                         @Value("${gongjian.base-url}") String baseUrl, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
        this.tasks = tasks;
        this.serviceLevels = serviceLevels;
        this.recipients = recipients;
        this.log = log;
        this.templates = templates;
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskKey = (String) execution.getVariableLocal("taskKey");
        String step = (String) execution.getVariableLocal("step");
        Task task = taskOf(execution, taskKey);
        if (task == null || log.sent(task.getId(), step)) {
            return; // done before the step went out, or already sent
        }
        ServiceLevels.Level level = serviceLevels.level(taskKey, step);
        Map<String, String> to = recipients.resolve(level.whom(), task, execution);
        if (to.isEmpty()) {
            throw new IllegalStateException("nobody to notify for '" + step + "' of task '" + task.getName()
                    + "': no member of role '" + level.whom() + "' has an email address");
        }
        Instant now = clock.instant();
        Instant created = task.getCreateTime().toInstant();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();

        List<Map<String, Object>> told = new ArrayList<>();
        for (EscalationLog.Entry earlier : log.forTask(task.getId())) {
            told.add(Map.of("step", stepName(earlier.step()), "recipients", earlier.recipients(),
                    "at", time.format(earlier.sentAt())));
        }
        String recipientList = String.join("、", to.keySet());
        told.add(Map.of("step", stepName(step), "recipients", recipientList, "at", time.format(now)));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("step", step);
        model.put("stepName", stepName(step));
        model.put("reminder", "reminder".equals(step));
        model.put("taskName", task.getName());
        model.put("processName", execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getName());
        model.put("businessKey", execution.getProcessBusinessKey());
        model.put("unitName", execution.getVariable("unitName"));
        model.put("communityName", execution.getVariable("communityName"));
        model.put("actors", recipients.actors(task));
        model.put("created", time.format(created));
        model.put("due", due == null ? null : time.format(due));
        // whole calendar days in the sub-district, as people count them
        long late = due == null ? 0 : ChronoUnit.DAYS.between(day(due), day(now));
        model.put("daysLate", late);
        model.put("daysLeft", -late);
        model.put("told", told);
        model.put("link", baseUrl + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        MailTemplates.Rendered rendered = templates.render("escalation", model);

        String subject = ("reminder".equals(step) ? "【提醒】" : "【催办】") + task.getName()
                + (execution.getVariable("unitName") == null ? "" : " · " + execution.getVariable("unitName"))
                + (due != null && now.isAfter(due) ? " · 已逾期 " + model.get("daysLate") + " 天" : "");

        // logged first, in the same transaction: if the mail fails, neither the entry nor the step happened
        log.record(new EscalationLog.Entry(task.getId(), taskKey, task.getName(), execution.getProcessInstanceId(),
                processKey(execution), execution.getProcessBusinessKey(), (String) execution.getVariable("unitId"),
                step, level.whom(), recipientList, created, due, now, null));
        mail.send(new ArrayList<>(to.values()), subject, rendered.text(), rendered.html());
    }

    /**
     * The task this rung belongs to. Inside a multi-instance sub-process (a task per community, per
     * member) several tasks share the key; the rung's own is the one of the same instance, which both
     * see as the same {@code loopCounter}.
     */
    private Task taskOf(DelegateExecution execution, String taskKey) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey)
                .list();
        Object instance = execution.getVariable("loopCounter");
        if (instance == null) {
            if (open.size() > 1) {
                throw new IllegalStateException("task '" + taskKey + "' is open " + open.size() + " times in process "
                        + execution.getProcessInstanceId() + " outside a multi-instance: the rung cannot tell which is its own");
            }
            return open.isEmpty() ? null : open.get(0);
        }
        return open.stream()
                .filter(t -> instance.equals(tasks.getVariable(t.getId(), "loopCounter")))
                .findFirst()
                .orElse(null);
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, time.getZone());
    }

    static String stepName(String step) {
        return switch (step) {
            case "reminder" -> "提醒办理人 Reminder";
            case "escalation-1" -> "第一级催办 Escalation, level 1";
            case "escalation-2" -> "第二级催办 Escalation, level 2";
            default -> step;
        };
    }

    private static String processKey(DelegateExecution execution) {
        String definitionId = execution.getProcessDefinitionId();
        return definitionId.substring(0, definitionId.indexOf(':'));
    }
}
