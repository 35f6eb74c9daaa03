package org.gongjian.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.identity.SeedWorld.Person;
import org.gongjian.identity.SeedWorld.SeedGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the Camunda identity match the seed file: users, groups and memberships, then the
 * authorizations and filters of each role. Running it twice changes nothing; running it after
 * the file was edited applies the edit. Passwords are set only when a user is created, so a
 * password changed in Admin survives a restart.
 */
@Component
@Profile("demo")
@Order(0)
class SeedLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";
    static final String GROUP_TYPE = "WORKFLOW";

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final SeedWorld world;
    private final IdentityService identity;
    private final RoleAuthorizations authorizations;
    private final RoleFilters filters;
    private final Directory directory;

    SeedLoader(SeedWorld world, IdentityService identity, RoleAuthorizations authorizations, RoleFilters filters,
               Directory directory) {
        this.world = world;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    void load() {
        List<SeedGroup> groups = world.groups();
        groups.forEach(this::syncGroup);
        Map<Person, List<String>> people = world.people();
        people.forEach(this::syncUser);
        removeDepartedMembers(groups);
        authorizations.grant(world);
        world.communities().forEach(c -> directory.save(new Directory.Community(c.id(), c.name())));
        for (SeedWorld.Unit u : world.units()) {
            String supervisor = world.supervisors().stream().filter(s -> s.id().equals(u.supervisor()))
                    .findFirst().map(SeedWorld.Supervisor::name).orElseThrow();
            directory.save(new Directory.Unit(u.id(), u.name(), u.kind(), u.community(), u.supervisor(), supervisor));
        }
        filters.sync(world);
        log.info("Seed world '{}' loaded: {} groups, {} people", world.subDistrict().name(), groups.size(), people.size());
    }

    private void syncGroup(SeedGroup seed) {
        Group group = identity.createGroupQuery().groupId(seed.id()).singleResult();
        if (group == null) {
            group = identity.newGroup(seed.id());
        } else if (Objects.equals(group.getName(), seed.name()) && GROUP_TYPE.equals(group.getType())) {
            return;
        }
        group.setName(seed.name());
        group.setType(GROUP_TYPE);
        identity.saveGroup(group);
    }

    private void syncUser(Person person, List<String> groupIds) {
        User user = identity.createUserQuery().userId(person.id()).singleResult();
        String lastName = person.title() == null ? "" : person.title();
        if (user == null) {
            user = identity.newUser(person.id());
            user.setPassword(DEMO_PASSWORD);
            fill(user, person, lastName);
            identity.saveUser(user);
        } else if (!(Objects.equals(user.getFirstName(), person.name())
                && Objects.equals(user.getLastName(), lastName)
                && Objects.equals(user.getEmail(), person.email()))) {
            fill(user, person, lastName);
            identity.saveUser(user);
        }
        Set<String> current = new HashSet<>();
        identity.createGroupQuery().groupMember(person.id()).list().forEach(g -> current.add(g.getId()));
        for (String groupId : groupIds) {
            if (!current.contains(groupId)) {
                identity.createMembership(person.id(), groupId);
            }
        }
    }

    private static void fill(User user, Person person, String lastName) {
        // Chinese names are written whole, family name first; the title follows where Tasklist shows "first last".
        user.setFirstName(person.name());
        user.setLastName(lastName);
        user.setEmail(person.email());
    }

    /** Someone moved or removed in the file leaves the seed groups they are no longer listed in. */
    private void removeDepartedMembers(List<SeedGroup> groups) {
        List<String[]> departed = new ArrayList<>();
        for (SeedGroup group : groups) {
            Set<String> listed = new HashSet<>();
            group.members().forEach(p -> listed.add(p.id()));
            for (User member : identity.createUserQuery().memberOfGroup(group.id()).list()) {
                if (!listed.contains(member.getId())) {
                    departed.add(new String[] {member.getId(), group.id()});
                }
            }
        }
        departed.forEach(m -> identity.deleteMembership(m[0], m[1]));
    }
}
