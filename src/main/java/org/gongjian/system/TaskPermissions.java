package org.gongjian.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * What a task's candidates and assignee may do with it: read it, work on it (claim, complete
 * through its form) and hand it on (delegate, assign — a delegation is recorded and counts in
 * the review). Not Camunda's default UPDATE, which would also let them write the process's
 * variables, move the due date or change the candidate groups.
 */
final class TaskPermissions extends DefaultAuthorizationProvider {

    @Override
    protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
        List<Permission> permissions = new ArrayList<>(List.of(super.getRuntimePermissions(enforceSpecificVariablePermission)));
        if (!permissions.contains(Permissions.TASK_ASSIGN)) {
            permissions.add(Permissions.TASK_ASSIGN);
        }
        return permissions.toArray(Permission[]::new);
    }
}
