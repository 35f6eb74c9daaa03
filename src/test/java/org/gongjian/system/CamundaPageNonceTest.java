package org.gongjian.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongjian.GongjianTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many people opening the webapps at once: every page's script tags carry the nonce of its own
 * Content-Security-Policy header, or the browser blocks them and the app stays blank.
 */
@GongjianTest
class CamundaPageNonceTest {

    private static final Pattern HEADER = Pattern.compile("'nonce-([^']+)'");
    private static final Pattern PAGE = Pattern.compile("nonce=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void pagesOpenedAtOnceEachCarryTheNonceOfTheirOwnHeader() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService people = Executors.newFixedThreadPool(8);
        List<Future<String>> pages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String app = List.of("tasklist", "cockpit", "admin", "welcome").get(i % 4);
            pages.add(people.submit(() -> {
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher header = HEADER.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
                Matcher body = PAGE.matcher(page.body());
                assertThat(header.find()).as("%s has a nonce in its header", app).isTrue();
                assertThat(body.find()).as("%s has a nonce in its script tags", app).isTrue();
                return header.group(1).equals(body.group(1)) ? "" : app;
            }));
        }
        List<String> mismatched = new ArrayList<>();
        for (Future<String> page : pages) {
            if (!page.get().isEmpty()) {
                mismatched.add(page.get());
            }
        }
        people.shutdown();
        assertThat(mismatched).as("pages whose scripts the browser would block").isEmpty();
    }
}
