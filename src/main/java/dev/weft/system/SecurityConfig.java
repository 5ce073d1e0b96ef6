package dev.weft.system;

import dev.weft.accounts.LoginThrottle;
import dev.weft.api.ApiSecurity;
import dev.weft.oauth.server.AuthorizationServerSecurity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security chains: /ping, /credentials/revoke, the API, the OAuth authorization server, the dashboard. The API chain is stateless and minimal (bearer token only, no session, CSRF,
 * request cache or anonymous user): every API call passes through it. The dashboard chain keeps the full
 * protection: form login with throttling, CSRF, session fixation protection, strict headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt
    }

    /**
     * The open endpoints, stateless and without CSRF, session or login redirect: {@code /ping} (the same lean chain
     * as the API minus the token check) and {@code POST /credentials/revoke} (leaked-credential reports, called by
     * secret scanners; the endpoint limits its own rate per client address).
     */
    @Bean
    @Order(0)
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/ping", "/credentials/revoke")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiSecurity api) throws Exception {
        http.securityMatcher(ApiSecurity.paths())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .securityContext(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .headers(h -> h.cacheControl(c -> {}))
                .addFilterBefore(api.authenticationFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(api.entryPoint())
                        .accessDeniedHandler(api.accessDeniedHandler()));
        return http.build();
    }

    /** The OAuth 2.0 authorization server's endpoints and consent page; logs in through the dashboard's session. */
    @Bean
    @Order(2)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, AuthorizationServerSecurity server) throws Exception {
        return server.configure(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain dashboardChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        var success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/dashboard");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/signup", "/templates", "/templates/**", "/previews/**",
                                "/docs", "/docs/**", "/swagger-ui/**", "/css/**", "/js/**", "/img/**",
                                "/actuator/health", "/error", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            throttle.recordSuccess(request.getParameter("username"));
                            success.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, e) -> {
                            throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Refuses a login attempt while its account or address is throttled. */
    static final class LoginThrottleFilter extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        LoginThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (throttle.isBlocked(request.getParameter("username"), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
