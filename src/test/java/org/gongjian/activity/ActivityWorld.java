package org.gongjian.activity;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.gongjian.TestClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.gongjian.EngineWorld;

/**
 * An activity of the school (和平社区) in the first quarter of 2027, driven through the engine as
 * the demo world's people, with the clock set where the story needs it.
 */
final class ActivityWorld extends EngineWorld {

    static final String LIAISON = "yangxue";       // 新华第一实验小学 联络员
    static final String STAFF = "liuyang";         // 和平社区 党建专干
    static final String QUARTER = "2027-Q1";
    /** The activity's day, a Wednesday inside the quarter. */
    static final String DAY = "2027-01-20";
    static final Instant BEFORE = Instant.parse("2027-01-05T01:00:00Z");    // 09:00 on 5 January in Shanghai
    static final Instant ON_THE_DAY = Instant.parse("2027-01-20T01:30:00Z"); // 09:30 on the day
    static final Instant AFTER = Instant.parse("2027-01-20T05:00:00Z");      // 13:00, the activity (9:00, 3 hours) is over

    ActivityWorld(ProcessEngine engine) {
        super(engine);
    }

    static void at(Instant instant) {
        TestClock.at(instant);
    }

    /** Started the way the quarterly commitment starts it. */
    ProcessInstance committed(String title, int places) {
        at(BEFORE);
        Map<String, Object> v = new HashMap<>();
        v.put("agreementNumber", "GJ-TEST-A");
        v.put("quarter", QUARTER);
        v.put("communityId", "heping");
        v.put("communityName", "和平社区");
        v.put("unitId", "school");
        v.put("unitName", "新华第一实验小学");
        v.put("supervisorId", "education");
        v.put("title", title);
        v.put("kind", "志愿服务");
        v.put("date", DAY);
        v.put("place", "学校操场");
        v.put("places", (long) places);
        v.put("volunteers", 5L);
        v.put("hours", 3.0);
        return engine.getRuntimeService().startProcessInstanceByKey(ActivityProcess.KEY,
                "GJ-TEST-A/" + QUARTER + "/" + System.nanoTime(), v);
    }

    static Map<String, Object> publication(String title, int places) {
        Map<String, Object> v = new HashMap<>();
        v.put("title", title);
        v.put("kind", "志愿服务");
        v.put("date", DAY);
        v.put("startTime", "09:00");
        v.put("hours", 3.0);
        v.put("place", "学校操场");
        v.put("places", (long) places);
        v.put("signupClosesHours", 2L);
        v.put("description", "带孩子们打扫社区公园");
        return v;
    }

    /** The evidence as the form sends it: the summary, and each photo as a transient File photo1, photo2, …. */
    static Map<String, Object> evidence(String summary, FileValue... photos) {
        Map<String, Object> v = new HashMap<>();
        v.put(ActivityProcess.EVIDENCE_SUMMARY, summary);
        for (int i = 0; i < photos.length; i++) {
            v.put(ActivityProcess.PHOTO + (i + 1), photos[i]);
        }
        return v;
    }

    /** A photo as the evidence form attaches it. */
    static FileValue photo(String fileName, byte[] content) {
        return Variables.fileValue(fileName).file(content).mimeType("image/png").setTransient(true).create();
    }

    long activityId(ProcessInstance pi) {
        return ((Number) engine.getRuntimeService().getVariable(pi.getId(), ActivityProcess.ACTIVITY_ID)).longValue();
    }

    /** A mobile number nobody else in the test run has. */
    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A network address of its own, so that the per-address limit of one test does not touch another. */
    static String address() {
        return "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
    }
}
