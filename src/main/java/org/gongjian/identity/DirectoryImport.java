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
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the Camunda identity and Gongjian's directory match a world (the demo seeds, or the
 * operator's file): users, groups and memberships, the communities and units, then the
 * authorizations and filters of each role. Running it twice changes nothing the second time;
 * a changed row updates. All of it is one transaction: a failure leaves nothing half imported.
 *
 * <p>In the demo every new user gets the demo password. Imported for production, a user gets no
 * password anyone knows (a random one, never shown: the engine cannot check a missing one) and a
 * one-time link to set one ({@link PasswordSetup}), mailed after the commit.
 */
@Service
public class DirectoryImport {

    static final String GROUP_TYPE = "WORKFLOW";

    private static final Logger log = LoggerFactory.getLogger(DirectoryImport.class);

    private final IdentityService identity;
    private final RoleAuthorizations authorizations;
    private final RoleFilters filters;
    private final Directory directory;
    private final PasswordSetup passwords;
    private final TransactionTemplate transaction;

    DirectoryImport(IdentityService identity, RoleAuthorizations authorizations, RoleFilters filters,
                    Directory directory, PasswordSetup passwords, TransactionTemplate transaction) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.directory = directory;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    /** What an import changed; all zero when the file matched what was there. */
    public record Result(String subDistrict, int groups, int people, int changes, List<String> linksMailedTo) {}

    /** The operator's import: new users get no password and a mailed one-time link. */
    public Result importForProduction(SeedWorld world) {
        world.validated();
        List<String> created = new ArrayList<>();
        Result result = transaction.execute(status -> apply(world, null, created));
        List<String> mailed = passwords.offerLinks(world.people().keySet().stream().map(Person::id).toList(), created);
        return new Result(result.subDistrict(), result.groups(), result.people(), result.changes(), mailed);
    }

    /** The demo seeds: new users get the demo password. */
    Result importForDemo(SeedWorld world, String demoPassword) {
        return transaction.execute(status -> apply(world, demoPassword, new ArrayList<>()));
    }

    private Result apply(SeedWorld world, String initialPassword, List<String> created) {
        int[] changes = {0};
        List<SeedGroup> groups = world.groups();
        groups.forEach(g -> changes[0] += syncGroup(g));
        Map<Person, List<String>> people = world.people();
        people.forEach((p, g) -> changes[0] += syncUser(p, g, initialPassword, created));
        changes[0] += removeDepartedMembers(groups);
        authorizations.grant(world);
        for (SeedWorld.Community c : world.communities()) {
            Directory.Community row = new Directory.Community(c.id(), c.name());
            if (!directory.community(c.id()).map(row::equals).orElse(false)) {
                directory.save(row);
                changes[0]++;
            }
        }
        for (SeedWorld.Unit u : world.units()) {
            String supervisor = world.supervisors().stream().filter(s -> s.id().equals(u.supervisor()))
                    .findFirst().map(SeedWorld.Supervisor::name).orElseThrow();
            Directory.Unit row = new Directory.Unit(u.id(), u.name(), u.kind(), u.community(), u.supervisor(), supervisor);
            if (!directory.unit(u.id()).map(row::equals).orElse(false)) {
                directory.save(row);
                changes[0]++;
            }
        }
        filters.sync(world);
        log.info("Directory '{}' imported: {} groups, {} people, {} changes",
                world.subDistrict().name(), groups.size(), people.size(), changes[0]);
        return new Result(world.subDistrict().name(), groups.size(), people.size(), changes[0], List.of());
    }

    private int syncGroup(SeedGroup seed) {
        Group group = identity.createGroupQuery().groupId(seed.id()).singleResult();
        if (group == null) {
            group = identity.newGroup(seed.id());
        } else if (Objects.equals(group.getName(), seed.name()) && GROUP_TYPE.equals(group.getType())) {
            return 0;
        }
        group.setName(seed.name());
        group.setType(GROUP_TYPE);
        identity.saveGroup(group);
        return 1;
    }

    private int syncUser(Person person, List<String> groupIds, String initialPassword, List<String> created) {
        int changes = 0;
        User user = identity.createUserQuery().userId(person.id()).singleResult();
        String lastName = person.title() == null ? "" : person.title();
        if (user == null) {
            user = identity.newUser(person.id());
            user.setPassword(initialPassword != null ? initialPassword : PasswordSetup.unknowable());
            fill(user, person, lastName);
            identity.saveUser(user);
            created.add(person.id());
            changes++;
        } else if (!(Objects.equals(user.getFirstName(), person.name())
                && Objects.equals(user.getLastName(), lastName)
                && Objects.equals(user.getEmail(), person.email()))) {
            fill(user, person, lastName);
            identity.saveUser(user);
            changes++;
        }
        Set<String> current = new HashSet<>();
        identity.createGroupQuery().groupMember(person.id()).list().forEach(g -> current.add(g.getId()));
        for (String groupId : groupIds) {
            if (!current.contains(groupId)) {
                identity.createMembership(person.id(), groupId);
                changes++;
            }
        }
        return changes;
    }

    private static void fill(User user, Person person, String lastName) {
        // Chinese names are written whole, family name first; the title follows where Tasklist shows "first last".
        user.setFirstName(person.name());
        user.setLastName(lastName);
        user.setEmail(person.email());
    }

    /** Someone moved or removed in the file leaves the groups of the file they are no longer listed in. */
    private int removeDepartedMembers(List<SeedGroup> groups) {
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
        return departed.size();
    }
}
