package org.gongjian.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers the engine's errors in words, for {@code /engine-rest} and for the webapps' own API
 * (Tasklist, Cockpit): a lost race becomes 409 with a sentence ({@link EngineErrors}), a server
 * error keeps its 500 but shows only a reference that the log has beside the engine's message,
 * and no client error shows SQL, class names or a stack trace. Camunda's error {@code type}s
 * of client errors stay: the webapps read them (e.g. {@code AuthorizationException}).
 */
final class EngineErrorResponses extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineErrorResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What only an engine's internals say: SQL, Java names, engine log codes, stack frames. */
    static final Pattern INTERNALS = Pattern.compile(
            "(?i)\\b(insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|select\\s.+\\sfrom)\\b"
                    + "|\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.[\\w.$]+"
                    + "|\\w+(Exception|Error)\\b|ENGINE-\\d+|\\bat [\\w.$]+\\(|SQLState|constraint");

    private static final Pattern PREFIX = Pattern.compile("^Cannot [a-z ]+ \\S+: ");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() >= 400) {
                rewrite(request, wrapper);
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
        byte[] body = response.getContentAsByteArray();
        JsonNode error = parse(body);
        int code = error == null ? 0 : error.path("code").asInt(0);
        EngineErrors.Answer answer = EngineErrors.ANSWERS.get(code);
        if (code == EngineErrors.INVALID_SUBMISSION) {
            write(response, 400, "InvalidSubmission", withoutPrefix(error.path("message").asText("")), code);
            return;
        }
        if (answer != null) {
            write(response, answer.status(), answer.type(), answer.message(), code);
            return;
        }
        String message = error == null ? new String(body, StandardCharsets.UTF_8) : error.path("message").asText("");
        if (response.getStatus() >= 500) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.warn("Error {} answered to {} {} with status {}: {}", reference, request.getMethod(), request.getRequestURI(),
                    response.getStatus(), message);
            write(response, response.getStatus(), "ServerError", "服务器内部错误，已记录，编号 " + reference
                    + " (an internal error; it has been logged under " + reference + ")", code);
        } else if (error != null && error.has("message")) {
            String sentence = clientMessage(message);
            if (!sentence.equals(withoutPrefix(message))) {
                log.info("Client error to {} {} ({}) answered without its internals: {}", request.getMethod(),
                        request.getRequestURI(), response.getStatus(), message);
            }
            ((ObjectNode) error).put("message", sentence);
            replace(response, response.getStatus(), JSON.writeValueAsBytes(error));
        }
    }

    /** The sentence a check wrote, without the REST API's "Cannot submit task form …: " before it. */
    static String withoutPrefix(String message) {
        return PREFIX.matcher(message).replaceFirst("");
    }

    /** A client error's own sentence, or a general one where the sentence shows the engine's internals. */
    static String clientMessage(String message) {
        String sentence = withoutPrefix(message);
        return INTERNALS.matcher(sentence).find() || sentence.isBlank() ? "请求无效 (the request is not valid)" : sentence;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void write(ContentCachingResponseWrapper response, int status, String type, String message, int code)
            throws IOException {
        ObjectNode error = JSON.createObjectNode().put("type", type).put("message", message).put("code", code);
        replace(response, status, JSON.writeValueAsBytes(error));
    }

    private static void replace(ContentCachingResponseWrapper response, int status, byte[] body) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(body);
    }
}
