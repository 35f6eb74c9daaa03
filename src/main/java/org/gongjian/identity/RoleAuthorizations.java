package org.gongjian.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.gongjian.identity.SeedWorld.Role;
import org.gongjian.identity.SeedWorld.SeedGroup;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;

/**
 * What each role may do in the engine. Tasks themselves need nothing here: the engine grants
 * a task's candidate groups the right to see and work on it, so a unit's liaison sees only the
 * tasks addressed to that unit. Every grant is added only if missing.
 */
@Component
class RoleAuthorizations {

    /**
     * Which role may start which process, from Tasklist or through the REST API: the street committee
     * grants service funds (a fund-transfer's start form), a department asks communities for work
     * through the access gate, whose approval starts the department's payments.
     */
    static final Map<Role, List<String>> STARTERS = Map.of(
            Role.COMMUNITY_STAFF, List.of("agreement", "joint-meeting"),
            Role.STREET_COMMITTEE, List.of("performance-review", "fund-transfer"),
            Role.DEPARTMENT, List.of("community-access"));

    private final AuthorizationService authorizations;

    RoleAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    void grant(SeedWorld world) {
        for (SeedGroup group : world.groups()) {
            String g = group.id();
            ensure(g, Resources.APPLICATION, "tasklist", ACCESS);
            ensure(g, Resources.USER, ANY, READ);
            ensure(g, Resources.GROUP, ANY, READ);
            // the process name, diagram and form of a task a person is working on
            ensure(g, Resources.PROCESS_DEFINITION, ANY, READ);
            for (String key : STARTERS.getOrDefault(group.role(), List.of())) {
                ensure(g, Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE);
                ensure(g, Resources.PROCESS_INSTANCE, ANY, CREATE);
            }
            if (group.role() == Role.STREET_COMMITTEE) {
                // the street committee supervises every community and unit of the sub-district
                ensure(g, Resources.APPLICATION, "cockpit", ACCESS);
                ensure(g, Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
                ensure(g, Resources.PROCESS_INSTANCE, ANY, READ);
                ensure(g, Resources.TASK, ANY, READ);
                ensure(g, Resources.DECISION_DEFINITION, ANY, READ);
                ensure(g, Resources.DEPLOYMENT, ANY, READ);
            }
        }
    }

    /** Grants the permissions to the group on the resource, adding to an existing grant if there is one. */
    void ensure(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization grant = existing != null ? existing : newGrant(groupId, resource, resourceId);
        boolean changed = existing == null;
        for (Permission p : permissions) {
            if (!grant.isPermissionGranted(p)) {
                grant.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(grant);
        }
    }

    private Authorization newGrant(String groupId, Resource resource, String resourceId) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        return grant;
    }
}
