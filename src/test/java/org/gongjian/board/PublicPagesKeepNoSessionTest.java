package org.gongjian.board;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongjian.GongjianTest;
import org.gongjian.activity.Activities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strangers on the public pages cost the server no session: the CSRF token of the sign-up form
 * travels in a cookie. Over real HTTP, in a context of its own, since spring-security-test's
 * {@code csrf()} in other tests swaps the shared CSRF filter's repository for a session-backed one.
 */
@GongjianTest
@TestPropertySource(properties = "server.servlet.session.timeout=30m")
class PublicPagesKeepNoSessionTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired TestRestTemplate rest;
    @Autowired Activities activities;

    @Test
    void openingTheSignUpPageAndSigningUpCreateNoSession() {
        long id = new TestActivities(activities).published("植树活动", 10);

        ResponseEntity<String> page = rest.getForEntity("/a/" + id, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
        assertThat(cookies).noneMatch(c -> c.startsWith("JSESSIONID="));
        String csrfCookie = cookies.stream().filter(c -> c.startsWith("GONGJIAN-CSRF=")).findFirst().orElseThrow();
        Matcher field = CSRF_FIELD.matcher(page.getBody());
        assertThat(field.find()).as("the form carries the token").isTrue();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, csrfCookie.substring(0, csrfCookie.indexOf(';')));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", field.group(1));
        form.add("name", "林小燕");
        form.add("phone", TestActivities.phone());
        ResponseEntity<String> signedUp = rest.withRedirects(Redirects.DONT_FOLLOW)
                .postForEntity("/a/" + id, new HttpEntity<>(form, headers), String.class);
        assertThat(signedUp.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(signedUp.getHeaders().getLocation().getPath()).startsWith("/a/" + id + "/me/");
        assertThat(signedUp.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())).noneMatch(c -> c.startsWith("JSESSIONID="));

        // without the cookie the same form is refused
        HttpHeaders noCookie = new HttpHeaders();
        noCookie.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        form.set("phone", TestActivities.phone());
        assertThat(rest.postForEntity("/a/" + id, new HttpEntity<>(form, noCookie), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
