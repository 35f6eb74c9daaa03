package org.gongjian.activity;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.escalation.EscalationLog;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.ServiceLevels;
import org.gongjian.identity.Groups;
import org.gongjian.system.EngineClock;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * The last rung of verifyEvidence: the community staff never verified the evidence. Accepting it by
 * default would post points on a claim nobody checked, and calling it missed would blame the unit,
 * which did submit; so the activity is recorded UNVERIFIED (no unit points, not a broken commitment),
 * the lapse goes into the escalation log against the community's task, and the street committee and
 * the community secretary are told.
 */
@Component("recordUnverifiedActivityDelegate")
class RecordUnverifiedActivityDelegate implements JavaDelegate {

    private final Activities activities;
    private final ParticipantMail mail;
    private final ServiceLevels serviceLevels;
    private final EscalationLog log;
    private final EngineClock clock;

    RecordUnverifiedActivityDelegate(Activities activities, ParticipantMail mail, ServiceLevels serviceLevels, EscalationLog log,
                                     EngineClock clock) {
        this.activities = activities;
        this.mail = mail;
        this.serviceLevels = serviceLevels;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = activities.idOf(execution.getProcessBusinessKey());
        Activity activity = activities.find(id).orElseThrow(() -> new ActivityNotFoundException(id));
        int days = serviceLevels.level(VERIFY_EVIDENCE, "unverified").days();
        String reason = "佐证提交 " + days + " 天后社区仍未核实 (evidence not verified " + days + " days after it was submitted)";
        String told = mail.toGroups(id, ParticipantMail.UNVERIFIED,
                List.of(Groups.STREET_COMMITTEE, Groups.communitySecretary(activity.communityId())),
                "【佐证未核实】" + activity.communityName() + " · " + activity.title(),
                List.of("社区 Community：" + activity.communityName(),
                        "单位 Unit：" + activity.unitName(),
                        "活动 Activity：" + activity.title() + "（" + mail.when(activity) + "，" + activity.place() + "）",
                        "协议 Agreement：" + activity.agreementNumber() + " · " + activity.quarter(),
                        "结果 Outcome：活动记为未核实，不记单位积分，也不计为单位违约；计入社区的办理时效",
                        "原因 Reason：" + reason),
                mail.activityLink(activity));
        Instant now = clock.instant();
        activities.end(id, Activities.UNVERIFIED, reason, now);
        HistoricTaskInstance task = execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(VERIFY_EVIDENCE)
                .orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1).get(0);
        log.record(new EscalationLog.Entry(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                execution.getProcessInstanceId(), KEY, execution.getProcessBusinessKey(), (String) execution.getVariable(UNIT_ID),
                "unverified", EscalationRecipients.STREET_COMMITTEE, told, task.getStartTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), now, null));
    }
}
