package org.gongjian.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo world as written in {@code seeds/world.yaml}: one sub-district, its communities,
 * the units stationed in them, and the people who act for each.
 */
public record SeedWorld(
        SubDistrict subDistrict,
        Body streetCommittee,
        Body finance,
        List<Community> communities,
        List<Supervisor> supervisors,
        List<Department> departments,
        List<Unit> units,
        List<PartyMember> partyMembers) {

    public SeedWorld {
        communities = nonNull(communities);
        supervisors = nonNull(supervisors);
        departments = nonNull(departments);
        units = nonNull(units);
        partyMembers = nonNull(partyMembers);
    }

    public record SubDistrict(String id, String name, String nameEn) {}

    public record Person(String id, String name, String title, String email) {}

    public record Body(String name, List<Person> members) {
        public Body {
            members = nonNull(members);
        }
    }

    public record Community(String id, String name, String nameEn, List<Person> secretaries,
                            List<Person> staff, List<Person> residentRepresentatives) {
        public Community {
            secretaries = nonNull(secretaries);
            staff = nonNull(staff);
            residentRepresentatives = nonNull(residentRepresentatives);
        }
    }

    public record Supervisor(String id, String name, List<Person> contacts) {
        public Supervisor {
            contacts = nonNull(contacts);
        }
    }

    public record Department(String id, String name, List<Person> members) {
        public Department {
            members = nonNull(members);
        }
    }

    public record Unit(String id, String name, String kind, String community, String supervisor,
                       List<Person> leaders, List<Person> liaisons) {
        public Unit {
            leaders = nonNull(leaders);
            liaisons = nonNull(liaisons);
        }
    }

    public record PartyMember(String id, String name, String kind, String community, String phone) {}

    /** A Camunda group that the seeds define, with the people in it. */
    public record SeedGroup(String id, String name, Role role, String scope, List<Person> members) {}

    /** What a group does; its scope is the community, unit, supervising body or department it acts for. */
    public enum Role {
        STREET_COMMITTEE, FINANCE, COMMUNITY_SECRETARY, COMMUNITY_STAFF, RESIDENTS,
        UNIT_LEADER, UNIT_LIAISON, SUPERVISOR, DEPARTMENT
    }

    /** Every group the world defines, in the order of the file. */
    public List<SeedGroup> groups() {
        List<SeedGroup> groups = new ArrayList<>();
        if (streetCommittee != null) {
            groups.add(new SeedGroup(Groups.STREET_COMMITTEE, streetCommittee.name(), Role.STREET_COMMITTEE,
                    null, streetCommittee.members()));
        }
        if (finance != null) {
            groups.add(new SeedGroup(Groups.FINANCE, finance.name(), Role.FINANCE, null, finance.members()));
        }
        for (Community c : communities) {
            groups.add(new SeedGroup(Groups.communitySecretary(c.id()), c.name() + " 书记", Role.COMMUNITY_SECRETARY,
                    c.id(), c.secretaries()));
            groups.add(new SeedGroup(Groups.communityStaff(c.id()), c.name() + " 党建专干", Role.COMMUNITY_STAFF,
                    c.id(), c.staff()));
            groups.add(new SeedGroup(Groups.residents(c.id()), c.name() + " 居民代表", Role.RESIDENTS,
                    c.id(), c.residentRepresentatives()));
        }
        for (Unit u : units) {
            groups.add(new SeedGroup(Groups.unitLeader(u.id()), u.name() + " 党组织书记", Role.UNIT_LEADER,
                    u.id(), u.leaders()));
            groups.add(new SeedGroup(Groups.unitLiaison(u.id()), u.name() + " 联络员", Role.UNIT_LIAISON,
                    u.id(), u.liaisons()));
        }
        for (Supervisor s : supervisors) {
            groups.add(new SeedGroup(Groups.supervisor(s.id()), s.name(), Role.SUPERVISOR, s.id(), s.contacts()));
        }
        for (Department d : departments) {
            groups.add(new SeedGroup(Groups.department(d.id()), d.name(), Role.DEPARTMENT, d.id(), d.members()));
        }
        return groups;
    }

    /**
     * Every person who gets an account, once each, with the groups they belong to. A person may
     * appear in several places of the file; those places must agree on name and email.
     */
    public Map<Person, List<String>> people() {
        Map<String, Person> byId = new LinkedHashMap<>();
        Map<String, List<String>> groupsById = new LinkedHashMap<>();
        for (SeedGroup group : groups()) {
            for (Person p : group.members()) {
                Person known = byId.putIfAbsent(p.id(), p);
                if (known != null && !(Objects.equals(known.name(), p.name()) && Objects.equals(known.email(), p.email()))) {
                    throw new InvalidSeedException("person '" + p.id() + "' appears twice with different name or email");
                }
                groupsById.computeIfAbsent(p.id(), id -> new ArrayList<>()).add(group.id());
            }
        }
        Map<Person, List<String>> people = new LinkedHashMap<>();
        byId.forEach((id, p) -> people.put(p, groupsById.get(id)));
        return people;
    }

    public Unit unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst().orElse(null);
    }

    public Community community(String id) {
        return communities.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** Checks what the file cannot express by its shape alone, naming the first problem found. */
    public SeedWorld validated() {
        if (subDistrict == null || blank(subDistrict.id()) || blank(subDistrict.name())) {
            throw new InvalidSeedException("subDistrict needs an id and a name");
        }
        for (SeedGroup g : groups()) {
            if (!g.id().matches("[a-z0-9-]+")) {
                throw new InvalidSeedException("group id '" + g.id() + "' may hold only a-z, 0-9 and '-'");
            }
            for (Person p : g.members()) {
                if (blank(p.id()) || !p.id().matches("[a-z0-9._-]+")) {
                    throw new InvalidSeedException("person id '" + p.id() + "' in " + g.id()
                            + " may hold only a-z, 0-9, '.', '_' and '-'");
                }
                if (blank(p.name())) {
                    throw new InvalidSeedException("person '" + p.id() + "' has no name");
                }
                if (blank(p.email()) || !p.email().contains("@")) {
                    throw new InvalidSeedException("person '" + p.id() + "' has no valid email");
                }
            }
        }
        // looked up by id, not searched for each unit: a city's file has thousands of communities and 100,000 units
        Set<String> communityIds = communities.stream().map(Community::id).collect(Collectors.toSet());
        Set<String> supervisorIds = supervisors.stream().map(Supervisor::id).collect(Collectors.toSet());
        for (Unit u : units) {
            if (!communityIds.contains(u.community())) {
                throw new InvalidSeedException("unit '" + u.id() + "' names unknown community '" + u.community() + "'");
            }
            if (!supervisorIds.contains(u.supervisor())) {
                throw new InvalidSeedException("unit '" + u.id() + "' names unknown supervisor '" + u.supervisor() + "'");
            }
        }
        people();
        return this;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
