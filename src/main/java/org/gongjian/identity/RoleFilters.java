package org.gongjian.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gongjian.identity.SeedWorld.Community;
import org.gongjian.identity.SeedWorld.Unit;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, shown in Chinese first with English beside. Everyone
 * sees "My tasks", "My overdue tasks", "My group's tasks" and "Overdue" (the groups' overdue
 * tasks); community and unit people see their own community's or unit's tasks together; the
 * street committee sees every open and overdue task.
 */
@Component
class RoleFilters {

    static final String MY_TASKS = "我的任务 My tasks";
    static final String MY_GROUPS = "我组的任务 My group's tasks";
    static final String MY_OVERDUE = "我的逾期 My overdue tasks";
    static final String OVERDUE = "逾期 Overdue";
    static final String ALL_OPEN = "全街道待办 All open tasks";
    static final String ALL_OVERDUE = "全街道逾期 All overdue tasks";
    static final String COMMUNITY_PREFIX = "本社区 Our community · ";
    static final String UNIT_PREFIX = "本单位 Our unit · ";

    /** The filter property that says which role filter a filter is, whatever its name. */
    static final String KEY = "gongjianFilter";

    /** Process variables every process sets, shown as columns in the task list. */
    static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "unitName", "label", "单位 Unit"),
            Map.of("name", "communityName", "label", "社区 Community"),
            Map.of("name", "agreementNumber", "label", "协议编号 Agreement"));

    private final FilterService filters;
    private final TaskService tasks;
    private final RoleAuthorizations authorizations;
    private final AuthorizationService authorizationService;

    RoleFilters(FilterService filters, TaskService tasks, RoleAuthorizations authorizations,
                AuthorizationService authorizationService) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.authorizationService = authorizationService;
    }

    void sync(SeedWorld world) {
        // the filters read once, not once per filter saved: a city's import saves one per community and unit
        Map<String, Filter> existing = new HashMap<>();
        filters.createFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null && f.getProperties().get(KEY) instanceof String)
                .forEach(f -> existing.putIfAbsent((String) f.getProperties().get(KEY), f));
        for (String everyone : List.of(
                save(existing, "my-tasks", MY_TASKS, -30, "分配给我的任务 Tasks assigned to me",
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
                save(existing, "my-groups", MY_GROUPS, -20, "我所在组可认领的任务 Tasks my groups may claim",
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")),
                save(existing, "my-overdue", MY_OVERDUE, -25, "分配给我且已过期限的任务 Tasks assigned to me past their due date",
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").dueBeforeExpression("${now()}")),
                // two filters, not one "assigned to me or offered to my groups": PostgreSQL answers that OR across
                // a task and its identity links by reading every overdue task of the city (docs/benchmarks.md)
                save(existing, "overdue", OVERDUE, -10, "我所在组已过期限的任务，包括已认领的 Tasks of my groups past their due date, claimed or not",
                        tasks.createTaskQuery()
                                .taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks()
                                .dueBeforeExpression("${now()}")))) {
            grantEveryone(everyone);
        }
        String allOpen = save(existing, "all-open", ALL_OPEN, 0, "街道内所有未完成的任务 Every open task in the sub-district",
                tasks.createTaskQuery());
        String allOverdue = save(existing, "all-overdue", ALL_OVERDUE, 1, "街道内所有逾期任务 Every overdue task in the sub-district",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"));
        authorizations.ensure(Groups.STREET_COMMITTEE, Resources.FILTER, allOpen, Permissions.READ);
        authorizations.ensure(Groups.STREET_COMMITTEE, Resources.FILTER, allOverdue, Permissions.READ);

        for (Community c : world.communities()) {
            List<String> groups = List.of(Groups.communitySecretary(c.id()), Groups.communityStaff(c.id()));
            String id = save(existing, "community-" + c.id(), COMMUNITY_PREFIX + c.name(), 10, c.name() + "的所有任务 Every task of " + c.nameEn(),
                    tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks());
            groups.forEach(g -> authorizations.ensure(g, Resources.FILTER, id, Permissions.READ));
        }
        for (Unit u : world.units()) {
            List<String> groups = List.of(Groups.unitLeader(u.id()), Groups.unitLiaison(u.id()));
            String id = save(existing, "unit-" + u.id(), UNIT_PREFIX + u.name(), 10, u.name() + "的所有任务 Every task of this unit",
                    tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks());
            groups.forEach(g -> authorizations.ensure(g, Resources.FILTER, id, Permissions.READ));
        }
    }

    /**
     * Creates the filter or brings the one made for the same key up to date (a renamed community
     * keeps its filter); returns its id.
     */
    private String save(Map<String, Filter> existing, String key, String name, int priority, String description,
                        TaskQuery query) {
        Filter filter = existing.containsKey(key) ? existing.get(key) : filters.newTaskFilter(name);
        filter.setName(name);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(KEY, key);
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", new ArrayList<>(COLUMNS));
        filter.setProperties(properties);
        filter.setQuery(query);
        return filters.saveFilter(filter).getId();
    }

    private void grantEveryone(String filterId) {
        boolean granted = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER)
                .resourceId(filterId)
                .count() > 0;
        if (!granted) {
            Authorization global = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            global.setUserId(Authorization.ANY);
            global.setResource(Resources.FILTER);
            global.setResourceId(filterId);
            global.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(global);
        }
    }
}
