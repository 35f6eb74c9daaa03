package org.gongjian.activity;

import org.gongjian.activity.Activities.Activity;
import org.gongjian.identity.Groups;
import org.gongjian.identity.Parties;
import org.springframework.security.core.Authentication;

/**
 * Who may do what with an activity on Gongjian's own pages, from the person's Camunda groups
 * (authorities {@code GROUP_<id>}): its unit (leader, liaison) and community (secretary, staff)
 * are its parties; the street committee and administrators may look.
 */
public final class ActivityAccess {

    private ActivityAccess() {
    }

    public static boolean mayRead(Authentication who, Activity a) {
        return Parties.of(who).covers(a.communityId(), a.unitId());
    }

    /** The unit's own people, who hold the evidence. */
    public static boolean isUnit(Authentication who, Activity a) {
        return has(who, Groups.unitLiaison(a.unitId())) || has(who, Groups.unitLeader(a.unitId()));
    }

    public static boolean isCommunity(Authentication who, Activity a) {
        return has(who, Groups.communityStaff(a.communityId())) || has(who, Groups.communitySecretary(a.communityId()));
    }

    private static boolean has(Authentication who, String group) {
        return who != null && who.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("GROUP_" + group));
    }
}
