package org.gongjian.system;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.gongjian.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production with a mail host nobody answers on: health stays UP (mail retries by itself), the
 * probes show the database and the engine only, and history cleanup has its nightly window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"GONGJIAN_ADMIN_USER=ops", "GONGJIAN_ADMIN_PASSWORD=a-long-secret-from-the-vault",
                "spring.mail.host=127.0.0.1", "spring.mail.port=1",
                // only here, to see which indicators the groups hold
                "management.endpoint.health.show-components=always",
                "management.endpoint.health.group.liveness.show-components=always",
                "management.endpoint.health.group.readiness.show-components=always"})
@ActiveProfiles(resolver = TestDatabase.Production.class)
class ProductionHealthTest {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired HistoryService history;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWhileTheMailServerIsUnreachable() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).containsEntry("status", "UP");
        assertThat((Map<String, Object>) health.getBody().get("components")).doesNotContainKey("mail");
    }

    @Test
    @SuppressWarnings("unchecked")
    void livenessAndReadinessReflectTheDatabaseAndTheEngineOnly() {
        for (String group : new String[] {"liveness", "readiness"}) {
            ResponseEntity<Map> probe = http.getForEntity("/actuator/health/" + group, Map.class);
            assertThat(probe.getStatusCode().value()).as(group).isEqualTo(200);
            assertThat(probe.getBody()).as(group).containsEntry("status", "UP");
            assertThat(((Map<String, Object>) probe.getBody().get("components")).keySet()).as(group)
                    .containsExactlyInAnyOrder(group + "State", "db", "processEngine");
        }
    }

    @Test
    void historyCleanupRunsInANightlyWindow() {
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
        assertThat(engine.isHistoryCleanupEnabled()).isTrue();
        assertThat(history.findHistoryCleanupJobs()).as("the engine scheduled its cleanup").isNotEmpty();
        for (Job job : history.findHistoryCleanupJobs()) {
            int hourInShanghai = job.getDuedate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour();
            assertThat(hourInShanghai).as("due %s", job.getDuedate()).isBetween(1, 4);
        }
    }
}
