package org.gongjian.system;

import org.gongjian.GongjianTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda 7.24 CE shows "It is time to migrate to Camunda 8" at the top of every webapp
 * (a {@code .ce-eol-banner} in the header, always on for the community edition); the style sheet
 * each webapp loads last hides it.
 */
@GongjianTest
class CamundaBannerHiddenTest {

    @Autowired TestRestTemplate http;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theServedUserStylesHideTheMigrationBanner(String app) {
        ResponseEntity<String> css = http.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
        assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(css.getBody().replaceAll("(?s)/\\*.*?\\*/", "")).containsPattern("\\.ce-eol-banner[^{]*\\{\\s*display:\\s*none");
        String page = http.getForObject("/camunda/app/" + app + "/", String.class);
        assertThat(page).as("the page loads the user styles").contains("app/" + app + "/styles/user-styles.css");
    }
}
