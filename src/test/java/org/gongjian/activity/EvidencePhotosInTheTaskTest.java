package org.gongjian.activity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.gongjian.ForeignVariables;
import org.gongjian.GongjianTest;
import org.gongjian.TestClock;
import org.gongjian.system.FormFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongjian.activity.ActivityProcess.*;
import static org.gongjian.activity.ActivityWorld.*;

/**
 * The evidence photos travel with the evidence task itself: each is checked by its content, its size
 * and the activity's count, a refusal names the photo and changes nothing, and after a return the
 * liaison can take out a photo the evidence already holds.
 */
@GongjianTest
@ExtendWith(TestClock.class)
class EvidencePhotosInTheTaskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired ProcessEngine engine;
    @Autowired Activities activities;
    @Autowired TestRestTemplate rest;

    ActivityWorld world;
    ProcessInstance pi;
    long id;

    @BeforeEach
    void anActivityThatHasEnded() {
        world = new ActivityWorld(engine);
        pi = world.committed("社区读书会", 20);
        id = world.activityId(pi);
        world.complete(pi, PUBLISH, LIAISON, publication("社区读书会", 20));
        at(ON_THE_DAY);
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        at(AFTER);
        world.run(pi, "activityEnded");
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
        world.nobody();
    }

    @Test
    void aTextFileNamedJpgIsRefusedThroughTheRestApiNamingThePhotoAndNothingIsStored() throws Exception {
        Task task = world.task(pi, SUBMIT_EVIDENCE);
        ResponseEntity<String> refused = ForeignVariables.submit(rest, task, LIAISON, evidence("读书会顺利举行",
                photo("现场.png", ActivityProcessTest.PNG), photo("现场2.jpg", "这不是照片".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(refused.getBody()).path("message").asText())
                .startsWith("photo2: 现场2.jpg：只接受 JPEG、PNG 或 WebP 图片").doesNotContain("Exception");
        assertThat(activities.photos(id)).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.PUBLISHED);

        ResponseEntity<String> accepted = ForeignVariables.submit(rest, task, LIAISON,
                evidence("读书会顺利举行", photo("现场.png", ActivityProcessTest.PNG)));
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(activities.photos(id)).extracting(Activities.Photo::fileName, Activities.Photo::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("现场.png", "image/png"));
        assertThat(activities.photoContent(id, activities.photos(id).get(0).id())).contains(ActivityProcessTest.PNG);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(PHOTO + 1).count()).as("the photo is kept with the activity, not by the engine").isZero();
    }

    @Test
    void aPhotoTooLargeOrNotAFileOrNotTransientIsRefusedNamingIt() {
        byte[] large = Arrays.copyOf(ActivityProcessTest.PNG, EvidencePhotos.MAX_BYTES + 1);
        refused(Map.of(EVIDENCE_SUMMARY, "读书会", PHOTO + 1, photo("大图.png", large)), "photo1: 大图.png：照片不能超过 5 MB");
        refused(Map.of(EVIDENCE_SUMMARY, "读书会", PHOTO + 1, "iVBORw0KGgo="), "photo1: 须是图片文件");
        refused(Map.of(EVIDENCE_SUMMARY, "读书会", PHOTO + 1, photo("a.png", ActivityProcessTest.PNG),
                PHOTO + 2, Variables.fileValue("b.png").file(ActivityProcessTest.PNG).create()), "photo2: b.png：照片须作为临时文件变量提交");
        refused(evidence("读书会"), "photos: 请至少附上一张活动照片");
        assertThat(activities.photos(id)).isEmpty();
    }

    @Test
    void afterAReturnTheLiaisonTakesOutAPhotoAndAddsAnother() {
        world.complete(pi, SUBMIT_EVIDENCE, LIAISON, evidence("读书会顺利举行",
                photo("模糊.png", ActivityProcessTest.PNG), photo("合影.png", ActivityProcessTest.PNG)));
        world.complete(pi, VERIFY_EVIDENCE, STAFF, Map.of(VERIFY_DECISION, "return", VERIFY_REASON, "第一张照片看不清"));

        JsonNode held = FormFields.array(engine.getRuntimeService().getVariable(pi.getId(), EVIDENCE_PHOTOS));
        assertThat(held).extracting(p -> p.path("fileName").asText()).containsExactly("模糊.png", "合影.png");
        long blurred = held.get(0).path("id").asLong();

        ProcessInstance other = world.committed("别的活动", 10);
        long foreign = activities.addPhoto(world.activityId(other), "别处.png", "image/png", ActivityProcessTest.PNG, LIAISON, AFTER);
        Map<String, Object> wrong = evidence("读书会顺利举行", photo("清楚.png", ActivityProcessTest.PNG));
        wrong.put(REMOVED_PHOTOS, Spin.JSON("[" + foreign + "]"));
        refused(wrong, "removedPhotos[0]: 照片 " + foreign + " 不是本活动的佐证照片");

        Map<String, Object> fixed = evidence("读书会顺利举行", photo("清楚.png", ActivityProcessTest.PNG));
        fixed.put(REMOVED_PHOTOS, Spin.JSON("[" + blurred + "]"));
        world.complete(pi, SUBMIT_EVIDENCE, LIAISON, fixed);
        assertThat(activities.photos(id)).extracting(Activities.Photo::fileName).containsExactly("合影.png", "清楚.png");
        assertThat(activities.photos(world.activityId(other))).hasSize(1);
    }

    @Test
    void anActivityHoldsAtMostTwelvePhotos() {
        IntStream.range(0, EvidencePhotos.MAX_PER_ACTIVITY).forEach(i ->
                activities.addPhoto(id, "旧" + i + ".png", "image/png", ActivityProcessTest.PNG, LIAISON, AFTER));
        refused(evidence("读书会", photo("多一张.png", ActivityProcessTest.PNG)), "photos: 每个活动最多 12 张照片");
        assertThat(activities.photos(id)).hasSize(EvidencePhotos.MAX_PER_ACTIVITY);
    }

    @Test
    void theFormDeclaresAPhotoFieldForEveryPhotoAnActivityMayHoldAndTheServersLimits() throws Exception {
        String form = Files.readString(Path.of("forms/activity-evidence.html"));
        Matcher fields = Pattern.compile("data-fields=\"([^\"]*)\"").matcher(form);
        assertThat(fields.find()).isTrue();
        List<String> photos = Arrays.stream(fields.group(1).split("\\s+")).filter(f -> f.startsWith(PHOTO)).toList();
        assertThat(photos).containsExactlyElementsOf(IntStream.rangeClosed(1, EvidencePhotos.MAX_PER_ACTIVITY)
                .mapToObj(k -> PHOTO + k).toList());
        assertThat(form).contains("var MAX_PHOTOS = " + EvidencePhotos.MAX_PER_ACTIVITY + ";")
                .contains("var MAX_BYTES = " + EvidencePhotos.MAX_BYTES / (1024 * 1024) + " * 1024 * 1024;");
    }

    private void refused(Map<String, Object> submission, String message) {
        assertThatThrownBy(() -> world.complete(pi, SUBMIT_EVIDENCE, LIAISON, submission))
                .isInstanceOf(FormFieldValidationException.class).hasMessageStartingWith(message);
        assertThat(world.task(pi, SUBMIT_EVIDENCE)).as("the task stays open").isNotNull();
    }
}
