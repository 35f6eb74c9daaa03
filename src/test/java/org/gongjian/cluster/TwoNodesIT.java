package org.gongjian.cluster;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster the README describes, small: the packaged jar started twice at the same moment, as two
 * processes on two ports, on one fresh PostgreSQL database ({@code gongjian_cluster}, which .ci/run
 * creates), profile {@code postgres,demo}, each node with its job executor, all mail to a GreenMail
 * SMTP server. Shared cookies on localhost stand for a load balancer without sticky sessions: the
 * browser's cookies reach whichever node answers. The tests run in order on the same cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(TwoNodesIT.LogsOnFailure.class)
class TwoNodesIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DB_URL = System.getenv().getOrDefault("GONGJIAN_CLUSTER_DB_URL", "jdbc:postgresql://localhost:5432/gongjian_cluster");
    static final String DB_USER = System.getenv().getOrDefault("GONGJIAN_TEST_DB_USER", "gongjian");
    static final String DB_PASSWORD = System.getenv().getOrDefault("GONGJIAN_TEST_DB_PASSWORD", "gongjian");
    static final String[] PROCESS_KEYS = {"agreement", "quarterly-commitment", "activity", "performance-review", "fund-transfer", "joint-meeting"};
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final ObjectMapper JSON = new ObjectMapper();

    static GreenMail smtp;
    static ClusterNode a;
    static ClusterNode b;
    static final List<ClusterNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startTwoNodesAtOnce() throws Exception {
        try (Connection db = db(); Statement sql = db.createStatement()) {
            // a fresh database: nothing of an earlier run
            sql.execute("DROP SCHEMA public CASCADE");
            sql.execute("CREATE SCHEMA public");
        }
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Path jar = Path.of(System.getProperty("gongjian.cluster.jar", "target/gongjian-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged application (mvn package)").exists();
        List<String> arguments = List.of("--spring.profiles.active=postgres,demo",
                "--spring.datasource.url=" + DB_URL, "--spring.datasource.username=" + DB_USER,
                "--spring.datasource.password=" + DB_PASSWORD,
                "--spring.mail.host=localhost", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                // a killed node's jobs are taken over after this long
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--gongjian.demo-clock.follow-interval=200ms",
                "--spring.main.banner-mode=off");
        a = new ClusterNode("node-a", jar, arguments);
        b = new ClusterNode("node-b", jar, arguments);
        nodes.addAll(List.of(a, b));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(node -> {
            try {
                node.kill();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        })));
        long started = System.nanoTime();
        a.start();
        b.start();
        CompletableFuture<Void> readyA = CompletableFuture.runAsync(() -> ready(a));
        CompletableFuture<Void> readyB = CompletableFuture.runAsync(() -> ready(b));
        CompletableFuture.allOf(readyA, readyB).join();
        System.out.printf("TwoNodesIT: both nodes ready %.0f s after they were started together%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        for (ClusterNode node : nodes) {
            node.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void startedTogetherTheNodesMigratedAndDeployedOnce() throws Exception {
        String logs = a.log() + b.log();
        assertThat(logs).as("one node waited for the other's startup: they did start at the same moment")
                .contains("Another node is starting on");
        try (Connection db = db()) {
            Map<String, Long> versions = counts(db, "SELECT KEY_, COUNT(*) FROM ACT_RE_PROCDEF GROUP BY KEY_");
            for (String key : PROCESS_KEYS) {
                assertThat(versions).as("versions of " + key).containsEntry(key, 1L);
            }
            assertThat(versions.values()).as("one version of every process").containsOnly(1L);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT")).as("one deployment").isEqualTo(1);
            Map<String, Long> migrations = counts(db, "SELECT version, COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version");
            assertThat(migrations).containsKeys("1", "19", "20");
            assertThat(migrations.values()).as("each migration applied once").containsOnly(1L);
            assertThat(count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'demo'")).isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void aLoginOnOneNodeIsALoginOnTheOther() throws Exception {
        Browser browser = new Browser();
        // Tasklist on node A; its session, and the XSRF token kept in it, on node B
        assertThat(browser.webappLogin(a, "tasklist", "liuyang")).isEqualTo(200);
        assertThat(browser.send(b, HttpRequest.newBuilder(URI.create(b.base() + "/camunda/api/admin/auth/user/default"))
                .header("Accept", "application/json").GET()).body()).contains("\"userId\":\"liuyang\"");
        HttpResponse<String> query = browser.send(b, HttpRequest.newBuilder(URI.create(b.base() + "/camunda/api/engine/engine/default/task/count"))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", browser.xsrfToken).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(query.statusCode()).as("a POST with A's XSRF token, on B: " + query.body()).isEqualTo(200);
        assertThat(new Browser().send(b, HttpRequest.newBuilder(URI.create(b.base() + "/camunda/api/engine/engine/default/task/count"))
                .header("Accept", "application/json").GET()).statusCode()).as("without the session").isEqualTo(401);

        // Gongjian's own login on node B; the administrator's page on node A
        Browser admin = new Browser();
        admin.gongjianLogin(b, "demo");
        HttpResponse<String> page = admin.send(a, HttpRequest.newBuilder(URI.create(a.base() + "/demo-clock")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("engine-time");
        assertThat(new Browser().send(a, HttpRequest.newBuilder(URI.create(a.base() + "/demo-clock")).GET()).statusCode())
                .as("without the session: to the login page").isEqualTo(302);
    }

    @Test
    @Order(3)
    void theClockMovedOnOneNodeMovesBothAndEveryJobRunsOnce() throws Exception {
        World world = World.read(Path.of("seeds/world.yaml"));
        LocalDate today = LocalDate.now(ZONE);
        LocalDate termStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
        LocalDate termEnd = termStart.plusYears(1).minusDays(1);
        // every unit of the demo world gets an agreement in force, negotiated half on one node, half on the other
        int n = 0;
        for (World.Unit unit : world.units) {
            new Negotiation(n++ % 2 == 0 ? a : b, world, unit).inForce(termStart, termEnd);
        }
        try (Connection db = db()) {
            await("every agreement in force", Duration.ofMinutes(2),
                    () -> count(db, "SELECT COUNT(*) FROM agreement WHERE status = 'ACTIVE'") == world.units.size());
        }

        Browser admin = new Browser();
        admin.gongjianLogin(a, "demo");
        // past the quarter start, moved on node A
        int toQuarter = (int) ChronoUnit.DAYS.between(today, termStart) + 1;
        admin.moveClock(a, toQuarter);
        assertThat(engineDay(b)).as("node B follows the move made on A").isEqualTo(pageDay(toQuarter));

        try (Connection db = db()) {
            Map<String, Long> cycles = counts(db, "SELECT agreement_number, COUNT(*) FROM quarterly_cycle GROUP BY agreement_number");
            List<String> inForce = strings(db, "SELECT agreement_number FROM agreement WHERE status = 'ACTIVE'");
            assertThat(cycles.keySet()).as("a cycle for every agreement in force").containsExactlyInAnyOrderElementsOf(inForce);
            assertThat(cycles.values()).as("exactly one each").containsOnly(1L);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'quarterly-commitment'"))
                    .as("one quarterly-commitment instance per agreement").isEqualTo(inForce.size());
        }

        // over the reminder and escalation days of the quarter's first task: half moved on B, half on A
        admin.moveClock(b, 12);
        assertThat(engineDay(a)).as("node A follows the move made on B").isEqualTo(pageDay(toQuarter + 12));
        admin.moveClock(a, 16);

        try (Connection db = db()) {
            long escalations = count(db, "SELECT COUNT(*) FROM escalation_log");
            assertThat(escalations).as("reminders and escalations fell due").isGreaterThanOrEqualTo(world.units.size());
            await("a mail for each logged reminder or escalation", Duration.ofSeconds(30),
                    () -> escalationMails().size() >= escalations);
            assertThat(escalationMails()).as("one mail per logged reminder or escalation").hasSize((int) escalations);

            Map<String, Integer> sent = sentByKey();
            assertThat(sent.keySet()).as("every escalation mail links its task").allMatch(mail -> !escalation(mail) || mail.contains(" task "));
            assertThat(sent).as("no mail went out twice (recipients, subject, task)").allSatisfy((mail, times) -> assertThat(times).as(mail).isEqualTo(1));

            List<String> hosts = strings(db, "SELECT DISTINCT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2");
            assertThat(hosts).as("jobs ran on both nodes").contains(a.name(), b.name());
            // the history cleanup is the one job that lives on: it runs each night under the same id
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
                    + " AND JOB_DEF_TYPE_ <> 'history-cleanup' GROUP BY JOB_ID_ HAVING COUNT(*) > 1) twice"))
                    .as("no job succeeded twice").isZero();
            System.out.printf("TwoNodesIT: %d agreements, %d reminders and escalations, %d mails, jobs per node %s%n",
                    world.units.size(), escalations, sentMails().size(),
                    counts(db, "SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_"));
        }
    }

    /** The mails sent: GreenMail keeps a copy per recipient, the copies of one mail share its Message-ID. */
    @Test
    @Order(4)
    void aNodeKilledInTheMiddleOfTheJobsLosesNothingAndRepeatsNothing() throws Exception {
        Browser admin = new Browser();
        admin.gongjianLogin(a, "demo");
        LocalDate day = engineDay(a);
        LocalDate nextQuarter = day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
        // past the next quarter start, and the reminders after it
        int days = (int) ChronoUnit.DAYS.between(day, nextQuarter) + 8;
        long escalationsBefore;
        long bRunsBefore;
        try (Connection db = db()) {
            escalationsBefore = count(db, "SELECT COUNT(*) FROM escalation_log");
            bRunsBefore = count(db, "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND HOSTNAME_ = '" + b.name() + "'");
        }
        CompletableFuture<Void> move = CompletableFuture.runAsync(() -> {
            try {
                admin.moveClock(a, days);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long lockedAtKill;
        try (Connection db = db()) {
            await("node B running the move's jobs", Duration.ofMinutes(2), () -> count(db,
                    "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND HOSTNAME_ = '" + b.name() + "'") > bRunsBefore + 3);
            // best in the middle of a job: when jobs are locked, or after a few seconds whatever runs
            Instant latest = Instant.now().plusSeconds(5);
            while (count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL") == 0 && Instant.now().isBefore(latest)) {
                Thread.sleep(10);
            }
            b.kill();
            lockedAtKill = count(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL");
            System.out.printf("TwoNodesIT: node B killed with %d jobs locked in the cluster%n", lockedAtKill);
        }
        b.start();
        b.awaitReady(Duration.ofMinutes(6));
        move.get(10, java.util.concurrent.TimeUnit.MINUTES);

        try (Connection db = db()) {
            List<String> inForce = strings(db, "SELECT agreement_number FROM agreement WHERE status = 'ACTIVE'");
            Map<String, Long> cycles = counts(db, "SELECT agreement_number, COUNT(*) FROM quarterly_cycle GROUP BY agreement_number");
            assertThat(cycles.keySet()).containsExactlyInAnyOrderElementsOf(inForce);
            assertThat(cycles.values()).as("the next quarter's cycle for every agreement, once: nothing lost").containsOnly(2L);
            assertThat(count(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'quarterly-commitment'"))
                    .isEqualTo(2L * inForce.size());
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
                    + " AND JOB_DEF_TYPE_ <> 'history-cleanup' GROUP BY JOB_ID_ HAVING COUNT(*) > 1) twice"))
                    .as("no job succeeded twice, the killed node's included").isZero();
            long escalations = count(db, "SELECT COUNT(*) FROM escalation_log");
            assertThat(escalations).as("the new quarter's reminders fell due").isGreaterThan(escalationsBefore);
            await("a mail for each logged reminder or escalation", Duration.ofSeconds(30), () -> escalationMails().size() >= escalations);
            Map<String, Integer> sent = sentByKey();
            long distinctEscalationMails = sent.keySet().stream().filter(TwoNodesIT::escalation).count();
            assertThat(distinctEscalationMails).as("every logged reminder and escalation was mailed: nothing lost").isEqualTo(escalations);
            long repeated = sent.values().stream().filter(times -> times > 1).mapToLong(times -> times - 1).sum();
            // a mail handed to the SMTP server in the instant before the killed node's commit goes out again when
            // another node runs the job once more; only a job in flight at the kill can do that
            assertThat(repeated).as("mails sent twice: only by a job in flight when the node was killed " + sent)
                    .isLessThanOrEqualTo(lockedAtKill);
            System.out.printf("TwoNodesIT: after the kill, %d reminders and escalations, %d mails sent twice, jobs per node %s%n",
                    escalations, repeated, counts(db, "SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_"));
        }
    }

    private static List<MimeMessage> sentMails() throws Exception {
        Map<String, MimeMessage> byId = new LinkedHashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            byId.putIfAbsent(message.getMessageID(), message);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * How often each mail went out, by recipients, subject and the task it links to: the subject names task and
     * unit, but not always the community (two communities' overdue meetings reach the street committee under one
     * subject); the task's link in the text tells them apart.
     */
    private static Map<String, Integer> sentByKey() throws Exception {
        Map<String, Integer> sent = new HashMap<>();
        for (MimeMessage message : sentMails()) {
            TreeSet<String> to = new TreeSet<>();
            for (Address address : message.getAllRecipients()) {
                to.add(address.toString());
            }
            Matcher task = Pattern.compile("task=([0-9a-f-]+)").matcher(text(message));
            sent.merge(to + " " + message.getSubject() + (task.find() ? " task " + task.group(1) : ""), 1, Integer::sum);
        }
        return sent;
    }

    /** Whether a key of {@link #sentByKey} is a reminder's or an escalation's ({@code escalation/EscalateTaskDelegate}). */
    private static boolean escalation(String mailKey) {
        return mailKey.contains("] 【提醒】") || mailKey.contains("] 【催办】");
    }

    /** The plain text of a mail, decoded. */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        StringBuilder text = new StringBuilder();
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(text(parts.getBodyPart(i)));
            }
        }
        return text.toString();
    }

    private static List<MimeMessage> escalationMails() throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : sentMails()) {
            if (escalation("] " + message.getSubject())) {
                mails.add(message);
            }
        }
        return mails;
    }

    /** The day the demo clock page shows that many days ahead of today (it shows the time in the JVM's zone). */
    private static LocalDate pageDay(int daysAhead) {
        return LocalDate.now(ZoneId.systemDefault()).plusDays(daysAhead);
    }

    /** The engine's day on a node, as its demo clock page shows it. */
    private static LocalDate engineDay(ClusterNode node) throws Exception {
        Browser admin = new Browser();
        admin.gongjianLogin(node, "demo");
        String page = admin.send(node, HttpRequest.newBuilder(URI.create(node.base() + "/demo-clock")).GET()).body();
        Matcher time = Pattern.compile("id=\"engine-time\">(\\d{4}-\\d{2}-\\d{2}) ").matcher(page);
        assertThat(time.find()).as("the engine time on the page of " + node.name()).isTrue();
        return LocalDate.parse(time.group(1));
    }

    // ---- the people of the demo world, acting through the nodes as Tasklist and a browser do

    /** A browser: its cookies reach every node on localhost, as behind a load balancer. */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String xsrfToken;

        HttpResponse<String> send(ClusterNode node, HttpRequest.Builder request) throws Exception {
            return http.send(request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        }

        int webappLogin(ClusterNode node, String app, String user) throws Exception {
            String appPage = node.base() + "/camunda/app/" + app + "/default/";
            xsrfToken = send(node, HttpRequest.newBuilder(URI.create(appPage)).GET()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            int status = send(node, HttpRequest.newBuilder(URI.create(node.base() + "/camunda/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))).statusCode();
            // the login starts a new session, with a new token
            xsrfToken = send(node, HttpRequest.newBuilder(URI.create(appPage)).GET()).headers().firstValue("X-XSRF-TOKEN").orElse(xsrfToken);
            return status;
        }

        void gongjianLogin(ClusterNode node, String user) throws Exception {
            String form = send(node, HttpRequest.newBuilder(URI.create(node.base() + "/login")).GET()).body();
            HttpResponse<String> login = post(node, "/login", "username=" + user + "&password=demo&_csrf=" + csrf(form));
            assertThat(login.statusCode()).as("login of " + user + " on " + node.name()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + user).doesNotContain("error");
        }

        /** Moves the demo clock on that node, as the administrator's page does; returns when the days are done. */
        void moveClock(ClusterNode node, int days) throws Exception {
            String page = send(node, HttpRequest.newBuilder(URI.create(node.base() + "/demo-clock")).GET()).body();
            long started = System.nanoTime();
            HttpResponse<String> moved = post(node, "/demo-clock", "days=" + days + "&_csrf=" + csrf(page));
            assertThat(moved.statusCode()).as("moving the clock " + days + " days on " + node.name() + ": " + moved.body()).isEqualTo(302);
            System.out.printf("TwoNodesIT: %d days moved on %s in %.0f s%n", days, node.name(), (System.nanoTime() - started) / 1e9);
        }

        private HttpResponse<String> post(ClusterNode node, String path, String form) throws Exception {
            return send(node, HttpRequest.newBuilder(URI.create(node.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private static String csrf(String page) {
            Matcher field = CSRF_FIELD.matcher(page);
            assertThat(field.find()).as("the form carries its CSRF token").isTrue();
            return URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
        }
    }

    /** One agreement negotiated through a node's /engine-rest (HTTP Basic, submit-form), as Tasklist submits the forms. */
    record Negotiation(ClusterNode node, World world, World.Unit unit) {

        void inForce(LocalDate start, LocalDate end) throws Exception {
            World.Community community = world.community(unit.community);
            String staff = community.staff.get(0).id;
            String secretary = community.secretaries.get(0).id;
            String pi = rest(staff, "POST", "/process-definition/key/agreement/submit-form", "{\"variables\": {}}").get("id").asText();
            submit(pi, "draftAgreement", staff, Map.of(
                    "unitId", value(unit.id), "termStart", value(start.toString()), "termEnd", value(end.toString()),
                    "needs", json("[{\"title\": \"关爱空巢老人\", \"description\": \"每月上门探访\"}]")));
            submit(pi, "answerWithResources", unit.liaisons.get(0).id, Map.of(
                    "venues", json("[{\"name\": \"会议室\", \"capacity\": 40}]"),
                    "volunteers", Map.of("value", 10, "type", "Long"),
                    "expertise", value("志愿服务"),
                    "annualFunds", Map.of("value", 10000.0, "type", "Double"),
                    "contactPerson", value(unit.liaisons.get(0).name),
                    "contactPhone", value("13900000000"),
                    "proposedActivities", json("[{\"title\": \"社区清洁日\", \"timing\": \"每月一次\"}]")));
            submit(pi, "reviewAgreement", secretary, Map.of("reviewDecision", value("accept")));
            submit(pi, "signAgreementAsUnit", unit.leaders.get(0).id, Map.of("unitSigned", Map.of("value", true, "type", "Boolean")));
            submit(pi, "signAgreementAsCommunity", secretary, Map.of("communitySigned", Map.of("value", true, "type", "Boolean")));
            submit(pi, "fileAgreement", world.streetCommittee.members.get(0).id, Map.of("filingDecision", value("file")));
        }

        private void submit(String pi, String taskKey, String user, Map<String, Object> variables) throws Exception {
            String taskId = null;
            Instant deadline = Instant.now().plusSeconds(60);
            while (taskId == null && Instant.now().isBefore(deadline)) {
                JsonNode tasks = rest(user, "GET", "/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey, null);
                if (tasks.size() == 1) {
                    taskId = tasks.get(0).get("id").asText();
                } else {
                    Thread.sleep(200);
                }
            }
            assertThat(taskId).as(taskKey + " of " + unit.id + " open for " + user).isNotNull();
            rest(user, "POST", "/task/" + taskId + "/submit-form", JSON.writeValueAsString(Map.of("variables", variables)));
        }

        private JsonNode rest(String user, String method, String path, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + "/engine-rest" + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + " as " + user + " on " + node.name() + ": " + response.body())
                    .isBetween(200, 204);
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        }

        private static Map<String, Object> value(String value) {
            return Map.of("value", value, "type", "String");
        }

        private static Map<String, Object> json(String value) {
            return Map.of("value", value, "type", "Json");
        }
    }

    /** The demo world's seed file, read as the application reads it. */
    static final class World {
        public Group streetCommittee;
        public List<Community> communities;
        public List<Unit> units;

        static World read(Path file) throws Exception {
            return new YAMLMapper().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(Files.readString(file), World.class);
        }

        Community community(String id) {
            return communities.stream().filter(c -> c.id.equals(id)).findFirst().orElseThrow();
        }

        static final class Person {
            public String id;
            public String name;
        }

        static final class Group {
            public List<Person> members;
        }

        static final class Community {
            public String id;
            public List<Person> secretaries;
            public List<Person> staff;
        }

        static final class Unit {
            public String id;
            public String community;
            public List<Person> leaders;
            public List<Person> liaisons;
        }
    }

    // ---- the database, read directly

    static Connection db() throws Exception {
        return DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
    }

    static long count(Connection db, String query) throws Exception {
        try (Statement sql = db.createStatement(); ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    static Map<String, Long> counts(Connection db, String query) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement sql = db.createStatement(); ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                counts.put(result.getString(1), result.getLong(2));
            }
        }
        return counts;
    }

    static List<String> strings(Connection db, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration timeout, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    private static void ready(ClusterNode node) {
        try {
            node.awaitReady(Duration.ofMinutes(6));
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A failing test shows the end of both nodes' logs (whole logs in target/cluster-node-*.log). */
    static final class LogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (ClusterNode node : nodes) {
                System.out.println(node.tail(60));
            }
        }
    }
}
