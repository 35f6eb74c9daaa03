package org.gongjian.identity;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The communities and units a signed-in person acts for, read from their Camunda groups
 * (authorities {@code GROUP_<id>}); the street committee and administrators see everything.
 *
 * @param everything  street committee or administrator
 * @param communities ids of the communities whose secretary or staff the person is
 * @param units       ids of the units whose leader or liaison the person is
 * @param departments ids of the functional departments the person works in
 */
public record Parties(boolean everything, Set<String> communities, Set<String> units, Set<String> departments) {

    private static final Pattern COMMUNITY_GROUP = Pattern.compile("GROUP_community-(.+)-(?:secretary|staff)");
    private static final Pattern UNIT_GROUP = Pattern.compile("GROUP_unit-(.+)-(?:leader|liaison)");
    private static final Pattern DEPARTMENT_GROUP = Pattern.compile("GROUP_department-(.+)");

    /** Whether the person may read what belongs to this community and unit. */
    public boolean covers(String communityId, String unitId) {
        return everything || communities.contains(communityId) || units.contains(unitId);
    }

    public static Parties of(Authentication who) {
        Set<String> communities = new TreeSet<>();
        Set<String> units = new TreeSet<>();
        Set<String> departments = new TreeSet<>();
        boolean everything = false;
        if (who != null) {
            for (GrantedAuthority authority : who.getAuthorities()) {
                String name = authority.getAuthority();
                everything |= name.equals("ROLE_ADMIN") || name.equals("GROUP_" + Groups.STREET_COMMITTEE);
                Matcher community = COMMUNITY_GROUP.matcher(name);
                Matcher unit = UNIT_GROUP.matcher(name);
                Matcher department = DEPARTMENT_GROUP.matcher(name);
                if (community.matches()) {
                    communities.add(community.group(1));
                } else if (unit.matches()) {
                    units.add(unit.group(1));
                } else if (department.matches()) {
                    departments.add(department.group(1));
                }
            }
        }
        return new Parties(everything, communities, units, departments);
    }
}
