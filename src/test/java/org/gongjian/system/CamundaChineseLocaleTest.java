package org.gongjian.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinese locale of the Camunda webapps must stay in step with the English one that ships in
 * the webjar: after a Camunda upgrade this names every label that is new or gone.
 */
class CamundaChineseLocaleTest {

    private static final String APPS = "META-INF/resources/webjars/camunda/app/";
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseHasExactlyTheLabelsOfEnglish(String app) throws IOException {
        JsonNode en = read(APPS + app + "/locales/en.json").get("labels");
        JsonNode zh = read(APPS + app + "/locales/zh.json").get("labels");
        assertThat(names(zh)).containsExactlyInAnyOrderElementsOf(names(en));
        for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            for (String placeholder : label.getValue().asText().split("(?=\\{\\{)")) {
                if (placeholder.startsWith("{{")) {
                    String variable = placeholder.substring(0, placeholder.indexOf("}}") + 2);
                    assertThat(zh.get(label.getKey()).asText()).as("%s in %s", variable, label.getKey()).contains(variable);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theAppOffersChineseFirst(String app) throws IOException {
        String config = new ClassPathResource(APPS + app + "/scripts/config.js").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(config).containsPattern("availableLocales:\\s*\\['zh',\\s*'en'\\]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theAppLoadsTheSharedLanguageSwitch(String app) throws IOException {
        String config = new ClassPathResource(APPS + app + "/scripts/config.js").getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(config).containsPattern("(?m)^\\s*customScripts:\\s*\\[\\s*'\\.\\./gongjian/language-switch'");
        assertThat(new ClassPathResource(APPS + "gongjian/language-switch.js").exists()).isTrue();
    }

    private JsonNode read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        }
    }

    private static java.util.List<String> names(JsonNode labels) {
        java.util.List<String> names = new java.util.ArrayList<>();
        labels.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
