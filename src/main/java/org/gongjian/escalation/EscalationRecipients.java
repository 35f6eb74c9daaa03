package org.gongjian.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.gongjian.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who is told at each rung of the ladder: the task's owner (its assignee, or else the members
 * of its candidate groups), the unit's leader, the community's secretary, the street committee,
 * the unit's supervising body, the body above a fund transfer's payer, or the head of a resolution's owner. Addresses come from the Camunda users' emails.
 */
@Component
public class EscalationRecipients {

    public static final String OWNER = "owner";
    public static final String UNIT_LEADER = "unit-leader";
    public static final String COMMUNITY_SECRETARY = "community-secretary";
    public static final String STREET_COMMITTEE = "street-committee";
    public static final String SUPERVISOR = "supervisor";
    /** The body above the payer: a unit's supervising body; for a department or a grant, the street committee. */
    public static final String PAYER_SUPERVISOR = "payer-supervisor";
    /** The head of a resolution's owner: the unit's leader, or the community's secretary when the community owns it. */
    public static final String OWNER_LEADER = "owner-leader";

    private final IdentityService identity;
    private final TaskService tasks;

    EscalationRecipients(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    /** Email addresses by person's display name, for the role, in the scope of the process's variables. */
    public Map<String, String> resolve(String role, Task task, VariableScope process) {
        return switch (role) {
            case OWNER -> owner(task);
            case UNIT_LEADER -> members(Groups.unitLeader(required(process, "unitId")));
            case COMMUNITY_SECRETARY -> members(Groups.communitySecretary(required(process, "communityId")));
            case STREET_COMMITTEE -> members(Groups.STREET_COMMITTEE);
            case SUPERVISOR -> members(Groups.supervisor(required(process, "supervisorId")));
            case PAYER_SUPERVISOR -> members(required(process, "payerSupervisorGroup"));
            case OWNER_LEADER -> members(required(process, "ownerLeaderGroup"));
            default -> throw new IllegalStateException("bpmn/service-levels.dmn names unknown role '" + role
                    + "' to notify; use owner, unit-leader, community-secretary, street-committee, supervisor, payer-supervisor or owner-leader");
        };
    }

    /** The people of one group. */
    public Map<String, String> members(String groupId) {
        Map<String, String> people = new LinkedHashMap<>();
        for (User user : identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                people.put(displayName(user), user.getEmail());
            }
        }
        return people;
    }

    /** Who is meant to do the task, for the mail's "who must act". */
    public String actors(Task task) {
        if (task.getAssignee() != null) {
            User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
            return user == null ? task.getAssignee() : displayName(user);
        }
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : candidateGroups(task)) {
            var group = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
            groups.add(group == null ? link.getGroupId() : group.getName());
        }
        return String.join("、", groups);
    }

    private Map<String, String> owner(Task task) {
        if (task.getAssignee() != null) {
            User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
            if (user != null && user.getEmail() != null) {
                return Map.of(displayName(user), user.getEmail());
            }
        }
        Map<String, String> people = new LinkedHashMap<>();
        candidateGroups(task).forEach(link -> people.putAll(members(link.getGroupId())));
        return people;
    }

    private List<IdentityLink> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .toList();
    }

    private static String displayName(User user) {
        String last = user.getLastName() == null || user.getLastName().isBlank() ? "" : "（" + user.getLastName() + "）";
        return user.getFirstName() + last;
    }

    private static String required(VariableScope process, String variable) {
        Object value = process.getVariable(variable);
        if (value == null) {
            throw new IllegalStateException("cannot find whom to notify: the process has no variable '" + variable + "'");
        }
        return value.toString();
    }
}
