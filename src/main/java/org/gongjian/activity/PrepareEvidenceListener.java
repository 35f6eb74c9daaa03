package org.gongjian.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.escalation.ServiceLevels;
import org.gongjian.system.FormFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * Before the liaison is asked for evidence: prefills the attendance from the check-ins, one row per
 * person, unless the liaison already wrote it; lists the photos the evidence already holds (after a
 * return); and notes when the evidence falls due.
 */
@Component("prepareEvidenceListener")
class PrepareEvidenceListener implements ExecutionListener {

    private final Activities activities;
    private final ServiceLevels serviceLevels;
    private final DateTimeFormatter time;
    private final Clock clock;

    PrepareEvidenceListener(Activities activities, ServiceLevels serviceLevels, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.activities = activities;
        this.serviceLevels = serviceLevels;
        this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of(zone));
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long id = activities.idOf(execution.getProcessBusinessKey());
        if (execution.getVariable(ATTENDANCE) == null) {
            ArrayNode attendance = JsonNodeFactory.instance.arrayNode();
            activities.signups(id).stream().filter(s -> s.checkedInAt() != null).forEach(s -> attendance.addObject()
                    .put("name", s.name())
                    .put("note", "签到 " + time.format(s.checkedInAt()) + " · " + ActivitySignups.maskPhone(s.phone())));
            execution.setVariable(ATTENDANCE, FormFields.spin(attendance));
        }
        ArrayNode photos = JsonNodeFactory.instance.arrayNode();
        activities.photos(id).forEach(p -> photos.addObject()
                .put("id", p.id()).put("fileName", p.fileName()).put("sizeBytes", p.sizeBytes()));
        execution.setVariable(EVIDENCE_PHOTOS, FormFields.spin(photos));

        Instant due = clock.instant()
                .plus(serviceLevels.level(SUBMIT_EVIDENCE, "due").days(), ChronoUnit.DAYS);
        if (activities.find(id).map(a -> a.evidenceDueAt() == null).orElse(false)) {
            activities.evidenceDue(id, due);
        }
    }
}
