package org.gongjian.activity;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/** Checks the evidence — a summary, the attendance, at least one photo uploaded — and records it. */
@Component("submitEvidenceListener")
class SubmitEvidenceListener extends SubmittedFormListener {

    private final Activities activities;
    private final Clock clock;

    SubmitEvidenceListener(Activities activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        String summary = form.text(EVIDENCE_SUMMARY, "活动小结", true, 4000);
        form.text(ATTENDANCE_TEXT, "参加人员", false, 20_000);
        long id = activities.idOf(execution.getProcessBusinessKey());
        if (activities.photos(id).isEmpty()) {
            throw FormFields.invalid("photos", "请先在活动页面 /activities/" + id + " 上传至少一张活动照片 (upload at least one photo first)");
        }
        activities.evidenceSubmitted(id, summary, clock.instant());
    }
}
