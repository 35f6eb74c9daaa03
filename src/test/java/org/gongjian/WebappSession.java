package org.gongjian;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A person in the Camunda webapps, speaking to the server as the browser does: the session and
 * XSRF token from the app page, then the login that Tasklist's login form posts.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private String xsrfToken;

    public WebappSession(int port) {
        this.base = "http://localhost:" + port + "/camunda";
    }

    /** Logs in to the given app (tasklist, cockpit, admin) and returns the HTTP status of the login. */
    public int login(String app, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        xsrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", xsrfToken)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        // the login starts a new session, and with it a new token for the requests that change something
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        xsrfToken = after.headers().firstValue("X-XSRF-TOKEN").orElse(xsrfToken);
        return status;
    }

    /** The value of the cookie of that name the server has set, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** GET on the engine API the webapps use, e.g. {@code /filter?resourceType=Task}. */
    public HttpResponse<String> engineGet(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default" + path))
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", xsrfToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a JSON body on the engine API the webapps use, e.g. Tasklist's {@code /task/{id}/submit-form}. */
    public HttpResponse<String> enginePost(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default" + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
