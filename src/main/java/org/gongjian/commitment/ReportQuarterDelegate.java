package org.gongjian.commitment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gongjian.activity.Activities;
import org.gongjian.escalation.EscalationRecipients;
import org.gongjian.escalation.MailTemplates;
import org.gongjian.escalation.OutgoingMail;
import org.gongjian.funds.FundTransferProcess;
import org.gongjian.funds.FundTransfers;
import org.gongjian.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/**
 * At quarter end: what was committed and what became of it — each activity with its status,
 * how many were kept, missed, cancelled, evidenced late or are still open, and the funds
 * committed against those transferred. Stored once per agreement and quarter and mailed to the
 * street committee; a retried job finds the stored report and sends nothing again. A failing mail
 * server fails the job, storing nothing, and the engine tries again later.
 */
@Component("reportQuarterDelegate")
class ReportQuarterDelegate implements JavaDelegate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Activities activities;
    private final FundTransfers transfers;
    private final QuarterlyReports reports;
    private final EscalationRecipients recipients;
    private final MailTemplates templates;
    private final OutgoingMail mail;
    private final String baseUrl;
    private final DateTimeFormatter day;
    private final Clock clock;

    ReportQuarterDelegate(Activities activities, FundTransfers transfers, QuarterlyReports reports,
                          EscalationRecipients recipients, MailTemplates templates, OutgoingMail mail,
                          @Value("${gongjian.base-url}") String baseUrl, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.activities = activities;
        this.transfers = transfers;
        this.reports = reports;
        this.recipients = recipients;
        this.templates = templates;
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of(zone));
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        report(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), execution::getVariable);
    }

    /** Counts, stores and mails the report of the quarterly commitment instance, once; its variables read through {@code execution}. */
    void report(String processInstanceId, String businessKey, Function<String, Object> execution) {
        String number = (String) execution.apply(AGREEMENT_NUMBER);
        String quarter = (String) execution.apply(QUARTER);
        if (reports.exists(number, quarter)) {
            return; // stored and mailed before
        }
        List<String> to = new ArrayList<>(recipients.members(Groups.STREET_COMMITTEE).values());
        if (to.isEmpty()) {
            throw new IllegalStateException("nobody to send the quarterly report of " + number + " " + quarter
                    + " to: no member of group '" + Groups.STREET_COMMITTEE + "' has an email address");
        }

        List<Map<String, Object>> commitments = new ArrayList<>();
        int kept = 0, missed = 0, cancelled = 0, late = 0, open = 0;
        for (Activities.Activity a : activities.ofQuarter(number, quarter)) {
            boolean wasLate = a.evidenceAt() != null && a.evidenceDueAt() != null && a.evidenceAt().isAfter(a.evidenceDueAt());
            switch (a.status()) {
                case Activities.KEPT -> kept++;
                case Activities.MISSED -> missed++;
                case Activities.CANCELLED -> cancelled++;
                default -> open++;
            }
            if (wasLate) {
                late++;
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("date", a.startsAt() == null ? "" : day.format(a.startsAt()));
            c.put("title", a.title());
            c.put("kind", a.kind());
            c.put("status", a.status());
            c.put("statusName", statusName(a.status()));
            c.put("late", wasLate);
            commitments.add(c);
        }
        BigDecimal committed = StartActivitiesDelegate.instalment(execution.apply(FUND_INSTALMENT));
        BigDecimal transferred = transfers.find(businessKey + FundTransferProcess.FUNDS_SUFFIX)
                .map(FundTransfers.Transfer::transferredAmount)
                .orElse(BigDecimal.ZERO);

        String unitName = (String) execution.apply(UNIT_NAME);
        String communityName = (String) execution.apply(COMMUNITY_NAME);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("agreementNumber", number);
        model.put("quarter", quarter);
        model.put("quarterStart", execution.apply(QUARTER_START));
        model.put("quarterEnd", execution.apply(QUARTER_END));
        model.put("unitName", unitName);
        model.put("communityName", communityName);
        model.put("commitments", commitments);
        model.put("committed", commitments.size());
        model.put("kept", kept);
        model.put("missed", missed);
        model.put("cancelled", cancelled);
        model.put("late", late);
        model.put("open", open);
        model.put("fundsCommitted", money(committed));
        model.put("fundsTransferred", money(transferred));
        model.put("fundsShort", transferred.compareTo(committed) < 0 ? money(committed.subtract(transferred)) : null);
        model.put("link", baseUrl + "/reports/" + number + "/" + quarter);
        MailTemplates.Rendered rendered = templates.render("quarterly-report", model);

        Instant now = clock.instant();
        reports.store(new QuarterlyReports.Report(number, quarter, processInstanceId,
                (String) execution.apply(COMMUNITY_ID), communityName, (String) execution.apply(UNIT_ID),
                unitName, commitments.size(), kept, missed, cancelled, late, open, committed, transferred,
                json(commitments), rendered.text(), now));
        String subject = "【季度报告】" + unitName + " · " + quarter + " · " + communityName + " · 履约 " + kept + "/"
                + commitments.size();
        mail.send(to, subject, rendered.text(), rendered.html());
    }

    static String statusName(String status) {
        return switch (status) {
            case Activities.PLANNED -> "待发布 planned";
            case Activities.PUBLISHED -> "进行中 published";
            case Activities.EVIDENCE -> "佐证待核实 evidence submitted";
            case Activities.KEPT -> "已履约 kept";
            case Activities.CANCELLED -> "已取消 cancelled";
            case Activities.MISSED -> "未履约 missed";
            default -> status;
        };
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's commitments", e);
        }
    }
}
