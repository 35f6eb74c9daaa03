package org.gongjian.activity;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.gongjian.system.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.ForeignVariables.refusedThenValidAccepted;
import static org.gongjian.activity.ActivityProcess.*;
import static org.gongjian.activity.ActivityWorld.*;

/**
 * Each task of an activity takes only its form's fields; and which activity a publication
 * changes is the one recorded under the process's business key, whatever its variables say.
 */
@GongjianTest
class OnlyFormFieldsReachTheActivityTest {

    @Autowired ProcessEngine engine;
    @Autowired TestRestTemplate rest;
    @Autowired Activities activities;
    @Autowired EngineClock clock;

    ActivityWorld world;

    @BeforeEach
    void setUp() {
        world = new ActivityWorld(engine);
    }

    @AfterEach
    void realTime() {
        clock.reset();
        world.nobody();
    }

    @Test
    void thePublicationCannotPointAtAnotherActivity() throws Exception {
        ProcessInstance other = world.committed("别的单位的活动", 10);
        ProcessInstance pi = world.committed("社区公园清洁", 20);
        refusedThenValidAccepted(engine, rest, world.task(pi, PUBLISH), LIAISON, publication("社区公园清洁", 20),
                ACTIVITY_ID, world.activityId(other));
        assertThat(activities.find(world.activityId(pi)).orElseThrow().status()).isEqualTo(Activities.PUBLISHED);
        assertThat(activities.find(world.activityId(other)).orElseThrow().status()).isEqualTo(Activities.PLANNED);
    }

    @Test
    void thePublicationChangesTheRecordedActivityWhateverTheVariableSays() {
        ProcessInstance other = world.committed("别的单位的活动", 10);
        ProcessInstance pi = world.committed("社区公园清洁", 20);
        engine.getRuntimeService().setVariable(pi.getId(), ACTIVITY_ID, world.activityId(other));
        world.complete(pi, PUBLISH, LIAISON, publication("社区公园清洁", 20));
        assertThat(activities.findByBusinessKey(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(Activities.PUBLISHED);
        assertThat(activities.find(world.activityId(other)).orElseThrow().status()).isEqualTo(Activities.PLANNED);
    }

    @Test
    void evidenceAndVerificationCannotChangeTheUnitOrTheQuarter() throws Exception {
        ProcessInstance pi = world.committed("敬老院慰问演出", 30);
        long id = world.activityId(pi);
        world.complete(pi, PUBLISH, LIAISON, publication("敬老院慰问演出", 30));
        world.run(pi, "reminderDue");
        world.run(pi, "remindParticipants");
        at(AFTER);
        world.run(pi, "activityEnded");
        refusedThenValidAccepted(engine, rest, world.task(pi, SUBMIT_EVIDENCE), LIAISON,
                evidence("演出顺利", photo("stage.png", ActivityProcessTest.PNG)), ActivityProcess.QUARTER, "2030-Q4");
        assertThat(activities.photos(id)).extracting(Activities.Photo::fileName).containsExactly("stage.png");
        refusedThenValidAccepted(engine, rest, world.task(pi, VERIFY_EVIDENCE), STAFF, Map.of(VERIFY_DECISION, "accept"),
                "unitId", "power");
        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.KEPT);
    }
}
