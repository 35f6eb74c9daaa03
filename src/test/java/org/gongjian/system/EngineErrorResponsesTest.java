package org.gongjian.system;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engine's errors look like once answered: in words, without SQL, class names or stack traces. */
class EngineErrorResponsesTest {

    static final String SEEN = "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 42: ENGINE-03005 Execution of "
            + "'INSERT VariableInstanceEntity[4711]' failed. Entity was updated by another transaction concurrently. "
            + "org.apache.ibatis.exceptions.PersistenceException: ### Error updating database. Cause: "
            + "org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException\",\"code\":0}";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theServerErrorSeenWithItsSqlShowsOnlyAReference() throws Exception {
        JsonNode answer = answer(500, SEEN);
        assertThat(answer.path("message").asText()).contains("an internal error").doesNotContain("INSERT", "ENGINE-", "org.");
        assertThat(answer.path("type").asText()).isEqualTo("ServerError");
    }

    @Test
    void aCompletionLostToSomeoneElseIsAConflictInWords() throws Exception {
        MockHttpServletResponse response = run(500, "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 42: x\","
                + "\"code\":" + EngineErrors.TASK_COMPLETED_ELSEWHERE + "}");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(json.readTree(response.getContentAsByteArray()).path("message").asText())
                .isEqualTo(EngineErrors.ANSWERS.get(EngineErrors.TASK_COMPLETED_ELSEWHERE).message());
    }

    @Test
    void aFormChecksRefusalIsA400WithItsOwnSentenceOnEveryPath() throws Exception {
        MockHttpServletResponse response = run(500, "{\"type\":\"RestException\",\"message\":\"Cannot instantiate process "
                + "definition agreement:3:x: communityId: 不是发起表单的字段\",\"code\":" + EngineErrors.INVALID_SUBMISSION + "}");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json.readTree(response.getContentAsByteArray()).path("message").asText())
                .isEqualTo("communityId: 不是发起表单的字段");
    }

    @Test
    void aClientErrorKeepsItsSentenceAndLosesTheEnginesInternals() throws Exception {
        assertThat(answer(400, "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot submit task form 1: "
                + "unitId: 单位 'power' 不是本社区的驻区单位\"}").path("message").asText())
                .isEqualTo("unitId: 单位 'power' 不是本社区的驻区单位");
        JsonNode scrubbed = answer(400, "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot convert value 'abc' of type "
                + "'Integer' to java type java.lang.Integer\"}");
        assertThat(scrubbed.path("message").asText()).doesNotContain("java.lang");
        assertThat(scrubbed.path("type").asText()).as("Camunda's type stays: the webapps read it").isEqualTo("InvalidRequestException");
    }

    @Test
    void successesPassUntouched() throws Exception {
        MockHttpServletResponse response = run(200, "{\"id\":\"42\",\"message\":\"java.lang.String is fine here\"}");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"42\",\"message\":\"java.lang.String is fine here\"}");
    }

    private JsonNode answer(int status, String body) throws Exception {
        return json.readTree(run(status, body).getContentAsByteArray());
    }

    private MockHttpServletResponse run(int status, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/42/submit-form");
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain engine = (req, res) -> {
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(status);
            res.setContentType("application/json");
            res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
        new EngineErrorResponses().doFilter(request, response, engine);
        return response;
    }
}
