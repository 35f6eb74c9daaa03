package org.gongjian.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.TestDatabase;
import org.gongjian.identity.SeedWorld.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operator gives a production installation its world: the seeds file or an Excel sheet,
 * imported with the demo's groups, authorizations and filters, idempotent, refused whole when a
 * row is wrong; imported people set their own password through a one-time mailed link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the mail host is checked before dynamic properties exist; the port comes from GreenMail below
        properties = {"GONGJIAN_ADMIN_USER=ops", "GONGJIAN_ADMIN_PASSWORD=a-long-secret-from-the-vault",
                "spring.mail.host=127.0.0.1"})
@ActiveProfiles(resolver = TestDatabase.Production.class)
@AutoConfigureMockMvc
class DirectoryImportTest {

    /** Someone the seeds do not know, added in the Excel sheet. */
    private static final Person NEWCOMER = new Person("gaofeng-import", "高峰", "社区工作者", "gaofeng@heping.example.cn");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailAndDatabase(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired DirectoryImport directoryImport;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void backToTheSeedsWorld() throws Exception {
        directoryImport.importForProduction(seeds());
        if (identity.createUserQuery().userId(NEWCOMER.id()).count() > 0) {
            identity.deleteUser(NEWCOMER.id());
        }
        // the suite shares its database with the demo's contexts (and the engine registry with their
        // webapps), which expect the seed users' demo password: give it to those this class created
        for (String id : jdbc.queryForList("SELECT DISTINCT user_id FROM password_setup_token", String.class)) {
            User user = identity.createUserQuery().userId(id).singleResult();
            if (user != null) {
                user.setPassword("demo");
                identity.saveUser(user);
            }
        }
        jdbc.update("DELETE FROM password_setup_token");
    }

    @Test
    void theSeedsFileImportsTheDemosGroupsAuthorizationsAndFiltersAndTwiceChangesNothing() throws Exception {
        SeedWorld world = seeds();
        directoryImport.importForProduction(world);

        for (SeedWorld.SeedGroup g : world.groups()) {
            assertThat(identity.createUserQuery().memberOfGroup(g.id()).list()).extracting(User::getId).as(g.id())
                    .containsExactlyInAnyOrderElementsOf(g.members().stream().map(Person::id).toList());
        }
        assertThat(granted("community-heping-staff", Resources.PROCESS_DEFINITION, "agreement"))
                .contains(Permissions.CREATE_INSTANCE.getName());
        assertThat(granted("street-committee", Resources.APPLICATION, "cockpit")).contains(Permissions.ACCESS.getName());
        assertThat(granted("unit-school-liaison", Resources.APPLICATION, "tasklist")).contains(Permissions.ACCESS.getName());
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                .contains("本单位 Our unit · 新华第一实验小学");

        List<String> before = snapshot();
        int mails = smtp.getReceivedMessages().length;
        DirectoryImport.Result again = directoryImport.importForProduction(world);
        assertThat(again.changes()).isZero();
        assertThat(again.linksMailedTo()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(smtp.getReceivedMessages()).hasSize(mails);
    }

    @Test
    void anExcelSheetImportsAsTheSeedsFileDoesAndAChangedRowUpdates() throws Exception {
        SeedWorld seeds = seeds();
        byte[] sheet = excel(seeds, NEWCOMER.title());
        SeedWorld fromExcel = DirectoryFiles.excel(new ByteArrayInputStream(sheet));
        // the same groups as the seeds, plus the newcomer among heping's staff
        assertThat(fromExcel.groups().stream().map(SeedWorld.SeedGroup::id).toList())
                .containsExactlyInAnyOrderElementsOf(seeds.groups().stream().map(SeedWorld.SeedGroup::id).toList());

        DirectoryImport.Result first = directoryImport.importForProduction(fromExcel);
        assertThat(first.linksMailedTo()).contains(NEWCOMER.id());
        assertThat(identity.createGroupQuery().groupMember(NEWCOMER.id()).list()).extracting(Group::getId)
                .containsExactly("community-heping-staff");
        assertThat(identity.createUserQuery().memberOfGroup("community-heping-staff").list()).extracting(User::getId)
                .contains("liuyang", "chenjing", NEWCOMER.id());

        DirectoryImport.Result second = directoryImport.importForProduction(DirectoryFiles.excel(new ByteArrayInputStream(sheet)));
        assertThat(second.changes()).isZero();
        assertThat(second.linksMailedTo()).as("an open link is not sent again").isEmpty();

        DirectoryImport.Result changed = directoryImport.importForProduction(
                DirectoryFiles.excel(new ByteArrayInputStream(excel(seeds, "党建专干"))));
        assertThat(changed.changes()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId(NEWCOMER.id()).singleResult().getLastName()).isEqualTo("党建专干");
    }

    @Test
    void theOneTimeLinkSetsThePasswordOnceWithAMinimalStrength() throws Exception {
        int earlier = mailsTo(NEWCOMER.email()).size();  // other tests of this class imported the newcomer too
        directoryImport.importForProduction(DirectoryFiles.excel(new ByteArrayInputStream(excel(seeds(), NEWCOMER.title()))));
        // (no checkPassword that fails before the password is set: the engine would lock the user for seconds)
        String unknowable = identity.createUserQuery().userId(NEWCOMER.id()).singleResult().getPassword();
        assertThat(unknowable).as("a password nobody knows").isNotBlank();
        List<MimeMessage> mails = mailsTo(NEWCOMER.email());
        assertThat(mails).hasSize(earlier + 1);
        Matcher link = Pattern.compile("/password-setup\\?token=([A-Za-z0-9_-]+)").matcher(text(mails.get(earlier)));
        assertThat(link.find()).as("the mail carries the link").isTrue();
        String token = link.group(1);

        mvc.perform(get("/password-setup").param("token", token))
                .andExpect(status().isOk()).andExpect(content().string(containsString(NEWCOMER.id())));
        mvc.perform(post("/password-setup").with(csrf()).param("token", token)
                        .param("password", "short1").param("confirm", "short1"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("10")));
        assertThat(identity.createUserQuery().userId(NEWCOMER.id()).singleResult().getPassword()).isEqualTo(unknowable);

        mvc.perform(post("/password-setup").with(csrf()).param("token", token)
                        .param("password", "heping-2026-spring").param("confirm", "heping-2026-spring"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("password-set")));
        assertThat(identity.checkPassword(NEWCOMER.id(), "heping-2026-spring")).isTrue();

        mvc.perform(post("/password-setup").with(csrf()).param("token", token)
                        .param("password", "another-pass-2027").param("confirm", "another-pass-2027"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("已使用")));
        mvc.perform(get("/password-setup").param("token", token)).andExpect(status().isNotFound());
        assertThat(identity.checkPassword(NEWCOMER.id(), "heping-2026-spring")).isTrue();
        assertThat(identity.checkPassword(NEWCOMER.id(), "another-pass-2027")).isFalse();

        DirectoryImport.Result again = directoryImport.importForProduction(DirectoryFiles.excel(new ByteArrayInputStream(excel(seeds(), NEWCOMER.title()))));
        assertThat(again.linksMailedTo()).as("someone with a password gets no new link").isEmpty();
    }

    @Test
    void aBadRowIsRefusedNamingItsRowAndColumnAndNothingIsImported() throws Exception {
        List<String> before = snapshot();
        byte[] bad = excel(seeds(), NEWCOMER.title(), "gaofeng-at-heping");
        assertThatThrownBy(() -> directoryImport.importForProduction(DirectoryFiles.excel(new ByteArrayInputStream(bad))))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessageContaining("sheet 'people', row " + newcomerRow(seeds()) + ", column email");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(identity.createUserQuery().userId(NEWCOMER.id()).count()).isZero();

        mvc.perform(multipart("/directory-import")
                        .file(new MockMultipartFile("file", "directory.xlsx", "application/octet-stream", bad))
                        .with(csrf()).with(user("ops").authorities(() -> "ROLE_ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("row " + newcomerRow(seeds()) + ", column email")));
        mvc.perform(multipart("/directory-import")
                        .file(new MockMultipartFile("file", "directory.xlsx", "application/octet-stream", bad))
                        .with(csrf()).with(user("liuyang")))
                .andExpect(status().isForbidden());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAdministratorsPageAndTheCommandImportTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        mvc.perform(multipart("/directory-import")
                        .file(new MockMultipartFile("file", "directory.xlsx", "application/octet-stream", excel(seeds(), NEWCOMER.title())))
                        .with(csrf()).with(user("ops").authorities(() -> "ROLE_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(NEWCOMER.id())));
        assertThat(identity.createUserQuery().userId(NEWCOMER.id()).count()).isEqualTo(1);

        DirectoryImportCommand command = new DirectoryImportCommand(directoryImport, null, null);
        Path good = dir.resolve("world.yaml");
        try (InputStream in = new ClassPathResource("seeds/world.yaml").getInputStream()) {
            Files.copy(in, good);
        }
        assertThat(command.importFile(good)).isZero();
        assertThat(identity.createGroupQuery().groupMember(NEWCOMER.id()).count()).as("the seeds do not list the newcomer").isZero();
        Path bad = dir.resolve("bad.xlsx");
        Files.write(bad, excel(seeds(), NEWCOMER.title(), "no-address"));
        assertThat(command.importFile(bad)).isEqualTo(2);
        assertThat(identity.createGroupQuery().groupMember(NEWCOMER.id()).count()).isZero();
    }

    private static SeedWorld seeds() throws IOException {
        try (InputStream in = new ClassPathResource("seeds/world.yaml").getInputStream()) {
            return DirectoryFiles.yaml(in);
        }
    }

    private List<String> granted(String group, Resources resource, String id) {
        Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id).singleResult();
        return a == null ? List.of() : Arrays.stream(a.getPermissions(Permissions.values())).map(p -> p.getName()).toList();
    }

    /** The decoded text of every part of the mail. */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return content.toString();
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }

    private List<String> snapshot() {
        TreeSet<String> lines = new TreeSet<>();
        for (User u : identity.createUserQuery().list()) {
            lines.add("user " + u.getId() + " " + u.getFirstName() + " " + u.getLastName() + " " + u.getEmail());
            identity.createGroupQuery().groupMember(u.getId()).list().forEach(g -> lines.add("member " + u.getId() + " " + g.getId()));
        }
        for (Group g : identity.createGroupQuery().list()) {
            lines.add("group " + g.getId() + " " + g.getName() + " " + g.getType());
        }
        for (Authorization a : authorizations.createAuthorizationQuery().list()) {
            lines.add("authorization " + a.getAuthorizationType() + " " + a.getUserId() + " " + a.getGroupId() + " "
                    + a.getResourceType() + " " + a.getResourceId() + " " + Arrays.toString(a.getPermissions(Permissions.values())));
        }
        for (Filter f : filters.createFilterQuery().list()) {
            lines.add("filter " + f.getId() + " " + f.getName() + " " + f.getOwner() + " " + new TreeSet<>(f.getProperties().keySet()));
        }
        return new ArrayList<>(lines);
    }

    /** The row (1-based, as Excel shows it) of the newcomer in the people sheet {@link #excel} writes. */
    private static int newcomerRow(SeedWorld world) {
        return 2 + peopleRows(world).size();
    }

    private static List<String[]> peopleRows(SeedWorld world) {
        List<String[]> rows = new ArrayList<>();
        for (SeedWorld.SeedGroup g : world.groups()) {
            String role = DirectoryFiles.ROLES.entrySet().stream().filter(e -> e.getValue() == g.role()).findFirst().orElseThrow().getKey();
            for (Person p : g.members()) {
                rows.add(new String[] {p.id(), p.name(), p.title(), p.email(), role, g.scope()});
            }
        }
        return rows;
    }

    private static byte[] excel(SeedWorld world, String newcomerTitle) throws IOException {
        return excel(world, newcomerTitle, NEWCOMER.email());
    }

    /** The seeds world written as the Excel workbook an operator would fill in, plus the newcomer as the last row. */
    private static byte[] excel(SeedWorld world, String newcomerTitle, String newcomerEmail) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(book, "subDistrict", List.of("id", "name", "nameEn", "streetCommittee", "finance"),
                    List.<String[]>of(new String[] {world.subDistrict().id(), world.subDistrict().name(), world.subDistrict().nameEn(),
                            world.streetCommittee().name(), world.finance().name()}));
            sheet(book, "communities", List.of("id", "name", "nameEn"),
                    world.communities().stream().map(c -> new String[] {c.id(), c.name(), c.nameEn()}).toList());
            sheet(book, "supervisors", List.of("id", "name"),
                    world.supervisors().stream().map(s -> new String[] {s.id(), s.name()}).toList());
            sheet(book, "departments", List.of("id", "name"),
                    world.departments().stream().map(d -> new String[] {d.id(), d.name()}).toList());
            sheet(book, "units", List.of("id", "name", "kind", "community", "supervisor"),
                    world.units().stream().map(u -> new String[] {u.id(), u.name(), u.kind(), u.community(), u.supervisor()}).toList());
            List<String[]> people = peopleRows(world);
            people.add(new String[] {NEWCOMER.id(), NEWCOMER.name(), newcomerTitle, newcomerEmail, "community-staff", "heping"});
            sheet(book, "people", List.of("id", "name", "title", "email", "role", "scope"), people);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void sheet(XSSFWorkbook book, String name, List<String> header, List<String[]> rows) {
        Sheet sheet = book.createSheet(name);
        Row top = sheet.createRow(0);
        for (int i = 0; i < header.size(); i++) {
            top.createCell(i).setCellValue(header.get(i));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < rows.get(r).length; i++) {
                if (rows.get(r)[i] != null) {
                    row.createCell(i).setCellValue(rows.get(r)[i]);
                }
            }
        }
    }
}
