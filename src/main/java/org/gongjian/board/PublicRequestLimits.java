package org.gongjian.board;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.activity.SignupRefusedException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Size limits of what strangers may send to the public pages. A body larger than any honest form
 * is refused before anything parses it, by its Content-Length or, when it has none (chunked), by the
 * bytes read; each field is held to the length its input box allows
 * before the activity rules see it.
 */
@Configuration
class PublicRequestLimits {

    /** Far above the largest form (a 500-character comment is 4.5 KB url-encoded) and far below Tomcat's 2 MB. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /**
     * An objection to a review's result carries up to 2000 characters (18 KB of Chinese url-encoded), and one pasted
     * from a long document should be told which field is too long, not that the request is: up to 1 MB reaches the
     * objection's own field checks, still far below Tomcat's 2 MB.
     */
    static final int OBJECTION_BODY_BYTES = 1024 * 1024;
    private static final Pattern OBJECTION_PATH = Pattern.compile("/board/[^/]+/reviews/\\d+/objection");

    static final int NAME = 50;
    static final int PHONE = 20;
    static final int EMAIL = 200;
    static final int ORGANISATION = 16;
    static final int COMMENT = 500;
    static final int CODE = 64;
    static final int TOKEN = 64;

    private static final Map<String, String> LABELS = Map.of("name", "姓名", "phone", "手机号", "email", "电子邮箱",
            "partyOrganisation", "组织关系", "comment", "评价", "c", "签到码");

    /** Refuses a field longer than its limit, naming it; nothing reaches the rules. */
    static void check(String field, String value, int max) {
        if (value != null && value.length() > max) {
            String label = LABELS.getOrDefault(field, field);
            throw new TooLong(field, label + "不能超过 " + max + " 个字 (" + field + ": at most " + max + " characters)");
        }
    }

    /** A field longer than its input box allows: refused before the rules, like any invalid input. */
    static final class TooLong extends SignupRefusedException {
        TooLong(String field, String message) {
            super(Reason.INVALID, field, message);
        }
    }

    private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "请求过大 (request too large: at most " + limit + " bytes)");
    }

    /** The largest body the page may be sent. */
    static int limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OBJECTION_PATH.matcher(path).matches() ? OBJECTION_BODY_BYTES : MAX_BODY_BYTES;
    }

    /**
     * A request whose body the limit has already read: the body again from memory, and the form's fields parsed from
     * it (the container would find the stream empty) beside those of the query string.
     */
    static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, String[]> parameters;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            Map<String, List<String>> all = new LinkedHashMap<>();
            request.getParameterMap().forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(List.of(v)));
            String type = request.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
                        : Charset.forName(request.getCharacterEncoding());
                for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
                    all.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
                }
            }
            Map<String, String[]> map = new LinkedHashMap<>();
            all.forEach((k, v) -> map.put(k, v.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(map);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicBodyLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                int limit = limitOf(request);
                if (request.getContentLengthLong() > limit) {
                    tooLarge(response, limit);
                    return;
                }
                if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
                    // no length given (chunked): count the bytes themselves, reading one more than allowed at most
                    byte[] body = request.getInputStream().readNBytes(limit + 1);
                    if (body.length > limit) {
                        tooLarge(response, limit);
                        return;
                    }
                    chain.doFilter(new ReadBody(request, body), response);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/a/*", "/board/*");
        // ahead of Spring Security, whose CSRF check would read the body first
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
