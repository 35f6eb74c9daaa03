package org.gongjian.system;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24 hands the Content-Security-Policy nonce from its header filter to the page of
 * Tasklist, Cockpit, Admin and Welcome through one ServletContext attribute, which every request
 * under /camunda overwrites. Two requests at once, and a page carries another request's nonce in
 * its script tags: the browser blocks every script and the app stays blank. Here each request
 * keeps that attribute to itself (Operaton fixed it the same way, operaton/operaton#3515).
 */
@Configuration
class CamundaPageNonce {

    static final String ATTRIBUTE = "org.camunda.bpm.csp.nonce";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> camundaPageNonceFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(new HttpServletRequestWrapper(request) {
                    private final ServletContext context = ownNonce(request);

                    @Override
                    public ServletContext getServletContext() {
                        return context;
                    }
                }, response);
            }
        });
        registration.addUrlPatterns("/camunda/*");
        // before Camunda's filters, which the webapp starter registers after this
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The application's ServletContext, except that the nonce attribute lives on the request. */
    static ServletContext ownNonce(HttpServletRequest request) {
        ServletContext shared = request.getServletContext();
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && ATTRIBUTE.equals(args[0])) {
                        switch (method.getName()) {
                            case "getAttribute":
                                return request.getAttribute(ATTRIBUTE);
                            case "setAttribute":
                                request.setAttribute(ATTRIBUTE, args[1]);
                                return null;
                            case "removeAttribute":
                                request.removeAttribute(ATTRIBUTE);
                                return null;
                            default:
                                break;
                        }
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
