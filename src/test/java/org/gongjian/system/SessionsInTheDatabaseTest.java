package org.gongjian.system;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.gongjian.GongjianTest;
import org.gongjian.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in the database (Spring Session JDBC), so that any node of a cluster serves a
 * person who logged in on another: each login is read back here from the tables, deserialized, as
 * another node would read it. The two-node proof over real processes is {@code cluster/TwoNodesIT}.
 */
@GongjianTest
class SessionsInTheDatabaseTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired JdbcIndexedSessionRepository sessions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aLoginOnGongjiansPagesIsKeptInTheDatabase() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> form = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        assertThat(csrf.find()).as("the login form carries its token").isTrue();
        String body = "username=demo&password=demo&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        Session stored = sessions.findById(sessionId(cookie(cookies, "JSESSIONID")));
        assertThat(stored).as("the session is in SPRING_SESSION").isNotNull();
        SecurityContext context = stored.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("demo");
        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).contains(CamundaUserAuthentication.ADMIN);

        // the administrator's page opens with the session alone
        assertThat(http.send(get("/demo-clock"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTasklistLoginIsKeptInTheDatabase() throws Exception {
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "liuyang", "demo")).isEqualTo(200);

        Session stored = sessions.findById(sessionId(tasklist.cookie("JSESSIONID")));
        assertThat(stored).as("the webapps' session is in SPRING_SESSION").isNotNull();
        Authentications authentications = stored.getAttribute("authenticatedUser");
        assertThat(authentications.getAuthentications()).singleElement()
                .satisfies(user -> {
                    assertThat(user.getIdentityId()).isEqualTo("liuyang");
                    assertThat(user.getGroupIds()).contains("community-heping-staff");
                    assertThat(user.isAuthorizedForApp("tasklist")).isTrue();
                });
        assertThat(tasklist.engineGet("/task/count").statusCode()).isEqualTo(200);
    }

    @Test
    void thePublicBoardStoresNoSession() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Long.class);
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(http.send(get("/board"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(cookie(cookies, "JSESSIONID")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Long.class)).isEqualTo(before);
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(String cookie) {
        assertThat(cookie).as("a session cookie").isNotNull();
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
