package org.gongjian.board;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongjian.GongjianTest;
import org.gongjian.activity.Activities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 16 KB limit of the public pages holds for a body sent without Content-Length (chunked, as
 * java.net.http sends a body of unknown length): it counts the bytes read, and a chunked form
 * within the limit still arrives whole.
 */
@GongjianTest
class ChunkedBodyLimitTest {

    @LocalServerPort int port;
    @Autowired Activities activities;

    @Test
    void aChunkedSignUpOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
        long id = new TestActivities(activities).published("分块上传", 10);
        Session session = open(id);
        String phone = TestActivities.phone();
        String form = session.form(phone) + "&email=" + "x".repeat(PublicRequestLimits.MAX_BODY_BYTES);

        HttpResponse<String> answer = session.postChunked(id, form);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(activities.signup(id, phone)).isEmpty();
    }

    @Test
    void aChunkedSignUpWithinTheLimitIsReadWhole() throws Exception {
        long id = new TestActivities(activities).published("分块报名", 10);
        Session session = open(id);
        String phone = TestActivities.phone();

        HttpResponse<String> answer = session.postChunked(id, session.form(phone));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/a/" + id + "/me/");
        assertThat(activities.signup(id, phone)).get().extracting(Activities.Signup::name).isEqualTo("陈静怡");
    }

    /** The sign-up page fetched once, for its CSRF token and cookies. */
    private Session open(long id) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/a/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("the sign-up form carries a CSRF token: %s %s", page.statusCode(), page.body()).isTrue();
        return new Session(client, token.group(1));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private final class Session {
        final HttpClient client;
        final String csrf;

        Session(HttpClient client, String csrf) {
            this.client = client;
            this.csrf = csrf;
        }

        String form(String phone) {
            return "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&name="
                    + URLEncoder.encode("陈静怡", StandardCharsets.UTF_8) + "&phone=" + phone;
        }

        HttpResponse<String> postChunked(long id, String form) throws Exception {
            byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
            // an input stream has no length: the client sends it chunked, with no Content-Length
            HttpRequest request = HttpRequest.newBuilder(uri("/a/" + id))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
