package org.gongjian.board;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.activity.SignupRefusedException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Size limits of what strangers may send to the public pages. A body larger than any honest form
 * is refused before anything parses it; each field is held to the length its input box allows
 * before the activity rules see it.
 */
@Configuration
class PublicRequestLimits {

    /** Far above the largest form (a 500-character comment is 4.5 KB url-encoded) and far below Tomcat's 2 MB. */
    static final int MAX_BODY_BYTES = 16 * 1024;

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

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicBodyLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                    response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                            "请求过大 (request too large: at most " + MAX_BODY_BYTES + " bytes)");
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
