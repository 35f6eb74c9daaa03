package org.gongjian.activity;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.gongjian.system.FormFields;
import org.gongjian.system.FormRows;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * Checks the evidence — a summary, who came, the photos — and records it. The photos arrive with the
 * submission as transient File variables (photo1, photo2, …): each is checked by its content and size,
 * and kept with the activity, never as a process variable.
 */
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
        FormRows attendance = FormRows.of(execution, ATTENDANCE, "参加人员", false, MAX_ATTENDANCE);
        for (FormRows.Row person : attendance) {
            person.text("name", "姓名", true, 50);
            person.text("note", "备注", false, 200);
        }
        long id = activities.idOf(execution.getProcessBusinessKey());
        Set<Long> held = Set.copyOf(activities.photos(id).stream().map(Activities.Photo::id).toList());
        List<Long> removed = form.ids(REMOVED_PHOTOS, "移除的照片", EvidencePhotos.MAX_PER_ACTIVITY);
        for (int i = 0; i < removed.size(); i++) {
            if (!held.contains(removed.get(i))) {
                throw FormFields.invalid(REMOVED_PHOTOS + "[" + i + "]", "照片 " + removed.get(i)
                        + " 不是本活动的佐证照片 (not a photo of this activity)");
            }
        }
        List<Activities.NewPhoto> added = new ArrayList<>();
        for (int k = 1; k <= EvidencePhotos.MAX_PER_ACTIVITY; k++) {
            TypedValue value = execution.getVariableTyped(PHOTO + k);
            if (value != null) {
                added.add(photo(PHOTO + k, value));
                execution.removeVariable(PHOTO + k);
            }
        }

        int photos = activities.changePhotos(id, removed, added, EvidencePhotos.MAX_PER_ACTIVITY, submitter(execution), clock.instant());
        if (photos < 0) {
            throw FormFields.invalid("photos", "每个活动最多 " + EvidencePhotos.MAX_PER_ACTIVITY + " 张照片 (at most "
                    + EvidencePhotos.MAX_PER_ACTIVITY + " photos)");
        }
        if (photos == 0) {
            throw FormFields.invalid("photos", "请至少附上一张活动照片 (attach at least one photo)");
        }
        execution.setVariable(ATTENDANCE, FormFields.spin(attendance.checked()));
        execution.removeVariable(REMOVED_PHOTOS);
        execution.removeVariable(EVIDENCE_PHOTOS);
        activities.evidenceSubmitted(id, summary, clock.instant());
    }

    /** A submitted photo: a transient file of an accepted image type and size. */
    private static Activities.NewPhoto photo(String field, TypedValue value) {
        if (!(value instanceof FileValue file)) {
            throw FormFields.invalid(field, "须是图片文件 (must be a File)");
        }
        String name = EvidencePhotos.fileName(file.getFilename());
        if (!file.isTransient()) {
            // a kept File variable would store the photo in the engine's tables and its history as well
            throw FormFields.invalid(field, name + "：照片须作为临时文件变量提交 (send it as a transient File, valueInfo.transient = true)");
        }
        byte[] content;
        try (InputStream in = file.getValue()) {
            content = in == null ? new byte[0] : in.readNBytes(EvidencePhotos.MAX_BYTES + 1);
        } catch (IOException e) {
            throw FormFields.invalid(field, name + "：照片无法读取 (cannot be read)");
        }
        if (content.length > EvidencePhotos.MAX_BYTES) {
            throw FormFields.invalid(field, name + "：照片不能超过 5 MB (at most 5 MB)");
        }
        String type = EvidencePhotos.contentType(content);
        if (type == null) {
            throw FormFields.invalid(field, name + "：只接受 JPEG、PNG 或 WebP 图片 (only JPEG, PNG or WebP images)");
        }
        return new Activities.NewPhoto(name, type, content);
    }
}
