package org.gongjian.identity;

/** The Camunda group ids of Gongjian's roles, scoped to their community, unit or body. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String STREET_COMMITTEE = "street-committee";
    public static final String FINANCE = "finance";

    private Groups() {
    }

    public static String communitySecretary(String community) {
        return "community-" + community + "-secretary";
    }

    public static String communityStaff(String community) {
        return "community-" + community + "-staff";
    }

    public static String residents(String community) {
        return "residents-" + community;
    }

    public static String unitLeader(String unit) {
        return "unit-" + unit + "-leader";
    }

    public static String unitLiaison(String unit) {
        return "unit-" + unit + "-liaison";
    }

    public static String supervisor(String supervisor) {
        return "supervisor-" + supervisor;
    }

    public static String department(String department) {
        return "department-" + department;
    }
}
