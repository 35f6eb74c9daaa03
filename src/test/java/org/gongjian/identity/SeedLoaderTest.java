package org.gongjian.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.gongjian.GongjianTest;
import org.gongjian.identity.SeedWorld.Community;
import org.gongjian.identity.SeedWorld.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@GongjianTest
class SeedLoaderTest {

    @Autowired SeedWorld world;
    @Autowired SeedLoader loader;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired RoleAuthorizations roleAuthorizations;
    @Autowired RoleFilters roleFilters;
    @Autowired Directory directory;
    @Autowired DirectoryImport directoryImport;

    @AfterEach
    void restoreTheSeedWorld() {
        loader.load();
    }

    @Test
    void loadingTwiceChangesNothing() {
        List<String> afterStartup = snapshot();
        loader.load();
        assertThat(snapshot()).isEqualTo(afterStartup);
    }

    @Test
    void everyPersonAndGroupOfTheSeedsExists() {
        for (SeedWorld.SeedGroup g : world.groups()) {
            Group group = identity.createGroupQuery().groupId(g.id()).singleResult();
            assertThat(group).as(g.id()).isNotNull();
            assertThat(group.getName()).isEqualTo(g.name());
            assertThat(identity.createUserQuery().memberOfGroup(g.id()).list()).extracting(User::getId)
                    .containsExactlyInAnyOrderElementsOf(g.members().stream().map(Person::id).toList());
        }
        User liaison = identity.createUserQuery().userId("yangxue").singleResult();
        assertThat(liaison.getFirstName()).isEqualTo("杨雪");
        assertThat(liaison.getEmail()).isEqualTo("yangxue@school.example.cn");
        assertThat(identity.checkPassword("yangxue", "demo")).isTrue();
        assertThat(identity.createGroupQuery().groupMember("demo").groupId("camunda-admin").count()).isEqualTo(1);
    }

    @Test
    void anEditedSeedFileAppliesItsChangeOnTheNextLoad() {
        // 陈静 moves from 和平社区 to 阳光社区, and 和平社区 is renamed
        Person chenjing = world.community("heping").staff().stream().filter(p -> p.id().equals("chenjing")).findFirst().orElseThrow();
        List<Community> communities = new ArrayList<>();
        for (Community c : world.communities()) {
            if (c.id().equals("heping")) {
                communities.add(new Community(c.id(), "和平里社区", c.nameEn(), c.secretaries(),
                        c.staff().stream().filter(p -> p != chenjing).toList(), c.residentRepresentatives()));
            } else {
                List<Person> staff = new ArrayList<>(c.staff());
                staff.add(chenjing);
                communities.add(new Community(c.id(), c.name(), c.nameEn(), c.secretaries(), staff, c.residentRepresentatives()));
            }
        }
        SeedWorld edited = new SeedWorld(world.subDistrict(), world.streetCommittee(), world.finance(), communities,
                world.supervisors(), world.departments(), world.units(), world.partyMembers()).validated();

        new SeedLoader(edited, directoryImport).load();

        assertThat(identity.createGroupQuery().groupMember("chenjing").list()).extracting(Group::getId)
                .containsExactly("community-yangguang-staff");
        assertThat(identity.createGroupQuery().groupId("community-heping-staff").singleResult().getName())
                .isEqualTo("和平里社区 党建专干");
        assertThat(filters.createFilterQuery().filterName("本社区 Our community · 和平里社区").count()).isEqualTo(1);
        assertThat(directory.community("heping").orElseThrow().name()).isEqualTo("和平里社区");
    }

    @Test
    void aUnitsLiaisonCanStartNothingAndCommunityStaffCanStartAnAgreement() {
        assertThat(authorizations.isUserAuthorized("yangxue", List.of("unit-school-liaison"),
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "agreement")).isFalse();
        assertThat(authorizations.isUserAuthorized("liuyang", List.of("community-heping-staff"),
                Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "agreement")).isTrue();
    }

    /** Users, groups, memberships, authorizations and filters, each as a line, in a stable order. */
    private List<String> snapshot() {
        TreeSet<String> lines = new TreeSet<>();
        for (User u : identity.createUserQuery().list()) {
            lines.add("user " + u.getId() + " " + u.getFirstName() + " " + u.getLastName() + " " + u.getEmail());
            identity.createGroupQuery().groupMember(u.getId()).list()
                    .forEach(g -> lines.add("member " + u.getId() + " " + g.getId()));
        }
        for (Group g : identity.createGroupQuery().list()) {
            lines.add("group " + g.getId() + " " + g.getName() + " " + g.getType());
        }
        for (Authorization a : authorizations.createAuthorizationQuery().list()) {
            lines.add("authorization " + a.getAuthorizationType() + " " + a.getUserId() + " " + a.getGroupId() + " "
                    + a.getResourceType() + " " + a.getResourceId() + " " + permissionBits(a));
        }
        JsonTaskQueryConverter converter = new JsonTaskQueryConverter();
        for (Filter f : filters.createFilterQuery().list()) {
            lines.add("filter " + f.getId() + " " + f.getName() + " " + f.getOwner() + " " + new TreeSet<>(f.getProperties().entrySet().stream().map(Object::toString).toList())
                    + " " + converter.toJson((TaskQueryImpl) f.getQuery()));
        }
        return new ArrayList<>(lines);
    }

    private static String permissionBits(Authorization a) {
        TreeSet<String> names = new TreeSet<>();
        for (var p : a.getPermissions(Permissions.values())) {
            names.add(p.getName());
        }
        return names.toString();
    }
}
