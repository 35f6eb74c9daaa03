package org.gongjian.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongjian.GongjianTest;
import org.gongjian.WebappSession;
import org.gongjian.identity.SeedWorld.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@GongjianTest
class TasklistLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    SeedWorld world;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everySeedUserLogsIntoTasklistAndSeesTheFiltersOfTheirRole() throws Exception {
        Map<Person, List<String>> people = world.people();
        assertThat(people).hasSizeGreaterThan(20);
        for (var entry : people.entrySet()) {
            WebappSession session = new WebappSession(port);
            assertThat(session.login("tasklist", entry.getKey().id(), "demo"))
                    .as("login of %s", entry.getKey().id()).isEqualTo(200);
            assertThat(filterNames(session))
                    .as("filters of %s", entry.getKey().id())
                    .containsExactlyInAnyOrderElementsOf(expectedFilters(entry.getValue()));
        }
    }

    @Test
    void anUnknownUserIsRefused() throws Exception {
        assertThat(new WebappSession(port).login("tasklist", "nobody-of-that-name", "demo")).isEqualTo(401);
    }

    @Test
    void onlyTheStreetCommitteeReachesCockpit() throws Exception {
        assertThat(new WebappSession(port).login("cockpit", "lihua", "demo")).isEqualTo(200);
        assertThat(new WebappSession(port).login("cockpit", "hulei", "demo")).isEqualTo(403);
    }

    private List<String> filterNames(WebappSession session) throws Exception {
        var response = session.engineGet("/filter?resourceType=Task");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode filter : json.readTree(response.body())) {
            names.add(filter.get("name").asText());
        }
        return names;
    }

    /** What each role is meant to see, written out independently of {@link RoleFilters}' loops. */
    private List<String> expectedFilters(List<String> groups) {
        List<String> expected = new ArrayList<>(List.of("我的任务 My tasks", "我的逾期 My overdue tasks", "我组的任务 My group's tasks", "逾期 Overdue"));
        for (String group : groups) {
            if (group.equals("street-committee")) {
                expected.addAll(List.of("全街道待办 All open tasks", "全街道逾期 All overdue tasks"));
            }
            for (SeedWorld.Community c : world.communities()) {
                if (group.equals("community-" + c.id() + "-secretary") || group.equals("community-" + c.id() + "-staff")) {
                    expected.add("本社区 Our community · " + c.name());
                }
            }
            for (SeedWorld.Unit u : world.units()) {
                if (group.equals("unit-" + u.id() + "-leader") || group.equals("unit-" + u.id() + "-liaison")) {
                    expected.add("本单位 Our unit · " + u.name());
                }
            }
        }
        return expected;
    }
}
