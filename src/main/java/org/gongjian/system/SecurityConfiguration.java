package org.gongjian.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two worlds of authentication. Camunda's webapps and REST API (Jersey servlets) keep their
 * own: the webapps their login and CSRF token, {@code /engine-rest} HTTP Basic against Camunda
 * users (see {@link EngineRestAuthentication}). Gongjian's own pages use Spring Security with a
 * form login against the same Camunda users.
 */
@Configuration
class SecurityConfiguration {

    /** Matches the request path whichever servlet serves it; string patterns would only see Spring MVC's. */
    static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName("GONGJIAN-CSRF");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    @Bean
    @Order(1)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(path("/camunda/**"), path("/camunda-welcome"), path("/engine-rest/**"), path("/error"),
                        path("/actuator/health"), path("/actuator/health/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // the webapps send their own XSRF token and security headers; and nothing here may start a
                // session of its own, or it could replace the one a Tasklist login has just created
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain gongjian(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/"), path("/login"), path("/css/**"), path("/favicon.ico"))
                        .permitAll()
                        // the public board and the activity pages people reach by link or QR code, without an account
                        .requestMatchers(path("/a/**"), path("/board"), path("/board/**"))
                        .permitAll()
                        // the one-time link an imported person sets their password with
                        .requestMatchers(path("/password-setup"))
                        .permitAll()
                        .requestMatchers(path("/mailbox/**"), path("/demo-clock/**"), path("/directory-import/**"))
                        .hasAuthority(CamundaUserAuthentication.ADMIN)
                        .anyRequest().authenticated())
                // the CSRF token travels in a cookie of its own, so that a stranger opening the public pages
                // costs the server no session (its name keeps clear of the webapps' XSRF-TOKEN)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .build();
    }
}
