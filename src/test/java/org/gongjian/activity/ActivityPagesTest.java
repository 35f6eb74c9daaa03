package org.gongjian.activity;

import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gongjian.GongjianTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongjian.activity.ActivityWorld.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The activity's page for its parties: its evidence photos, who may see them, and cancellation. */
@GongjianTest
@ExtendWith(TestClock.class)
class ActivityPagesTest {

    static final RequestPostProcessor LIAISON = user("yangxue").authorities(() -> "GROUP_unit-school-liaison");
    static final RequestPostProcessor STAFF = user("liuyang").authorities(() -> "GROUP_community-heping-staff");
    static final RequestPostProcessor OTHER_LIAISON = user("hulei").authorities(() -> "GROUP_unit-power-liaison");

    @Autowired ProcessEngine engine;
    @Autowired Activities activities;
    @Autowired MockMvc mvc;

    ActivityWorld world;
    ProcessInstance pi;
    long id;

    @BeforeEach
    void aPublishedActivity() {
        world = new ActivityWorld(engine);
        pi = world.committed("社区读书会", 20);
        id = world.activityId(pi);
        world.complete(pi, ActivityProcess.PUBLISH, ActivityWorld.LIAISON, publication("社区读书会", 20));
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void thePartiesSeeTheEvidencePhotosTheLiaisonAttachedInTheTask() throws Exception {
        long photo = activities.addPhoto(id, "现场.png", "image/png", ActivityProcessTest.PNG, ActivityWorld.LIAISON, AFTER);
        mvc.perform(get("/activities/{id}/photos/{p}", id, photo).with(STAFF))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(ActivityProcessTest.PNG));
        mvc.perform(get("/activities/{id}", id).with(LIAISON)).andExpect(status().isOk())
                .andExpect(content().string(containsString("现场.png")))
                .andExpect(content().string(not(containsString("type=\"file\""))));
        mvc.perform(get("/activities/{id}/photos/{p}", id, photo).with(OTHER_LIAISON)).andExpect(status().isNotFound());
    }

    @Test
    void theUnitAndTheCommunityFindTheActivityInTheirListAnotherUnitDoesNot() throws Exception {
        mvc.perform(get("/activities").with(LIAISON)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/activities/" + id + "\"")));
        mvc.perform(get("/activities").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/activities/" + id + "\"")));
        mvc.perform(get("/activities").with(OTHER_LIAISON)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/activities/" + id + "\""))));
    }

    @Test
    void anotherUnitNeitherSeesNorTouchesTheActivity() throws Exception {
        at(AFTER);
        mvc.perform(get("/activities/{id}", id).with(OTHER_LIAISON)).andExpect(status().isNotFound());
        mvc.perform(post("/activities/{id}/cancellation", id).param("reason", "不想办了").with(OTHER_LIAISON).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/activities/{id}", id)).andExpect(status().is3xxRedirection());
        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.PUBLISHED);
    }

    @Test
    void communityStaffCancelWithAReasonAndTheProcessTakesItFromThere() throws Exception {
        at(BEFORE);
        mvc.perform(post("/activities/{id}/cancellation", id).param("reason", " ").with(STAFF).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请说明取消理由")));
        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.PUBLISHED);

        mvc.perform(post("/activities/{id}/cancellation", id).param("reason", "讲座老师临时出差").with(STAFF).with(csrf()))
                .andExpect(redirectedUrl("/activities/" + id + "?cancelled"));
        world.run(pi, "cancelActivity");
        assertThat(activities.find(id).orElseThrow().status()).isEqualTo(Activities.CANCELLED);
        mvc.perform(get("/activities/{id}", id).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("讲座老师临时出差")))
                .andExpect(content().string(not(containsString("取消活动 Cancel</button>"))));
        mvc.perform(post("/activities/{id}/cancellation", id).param("reason", "再取消一次").with(STAFF).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void anActivityCancelledBeforeItWasPublishedEndsWithoutAskingForThePublication() {
        ProcessInstance planned = world.committed("未发布即取消", 10);
        long plannedId = world.activityId(planned);
        engine.getRuntimeService().createMessageCorrelation(ActivityProcess.CANCEL_MESSAGE).processInstanceId(planned.getId())
                .setVariable(ActivityProcess.CANCEL_REASON, "场地未落实").setVariable(ActivityProcess.CANCELLED_BY, "yangxue").correlate();
        assertThat(world.task(planned, ActivityProcess.PUBLISH)).isNull();
        world.run(planned, "cancelActivity");
        assertThat(activities.find(plannedId).orElseThrow().status()).isEqualTo(Activities.CANCELLED);
    }
}
