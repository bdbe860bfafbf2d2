package org.pipelinecrm.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.SignInDelays;
import org.pipelinecrm.identity.StartPage;
import org.pipelinecrm.identity.UnlockLinks;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.shared.CrmSettings;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Pages load scripts, styles and fonts only from this server; nothing inline. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    private static final String[] PUBLIC_PAGES = {
        "/login",
        "/login/unlock",
        "/signup",
        "/error",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/fonts/**",
        "/img/**",
        "/favicon.ico",
        "/actuator/health",
        "/v3/api-docs/**",
        "/api-docs/**",
        "/swagger-ui/**",
        "/forms/**",
        "/language"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider passwordAuthentication(
            UserLookup users, SignInDelays delays, UnlockLinks unlockLinks, PasswordEncoder encoder) {
        var provider = new ThrottledAuthenticationProvider(users, delays, unlockLinks);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserLookup users) throws Exception {
        var tokens = new AuthenticationFilter(
                new ProviderManager(ApiTokenAuthentication.provider(users)), ApiTokenAuthentication.converter());
        tokens.setFailureHandler(new AuthenticationEntryPointFailureHandler(ProblemResponses.unauthorized()));
        tokens.setSuccessHandler((request, response, authentication) -> {});
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/signup")
                        .permitAll()
                        .requestMatchers("/api/v1/forms/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(retryAfter(ProblemResponses.unauthorized())))
                .addFilterBefore(tokens, BasicAuthenticationFilter.class)
                .addFilterAfter(new TenantFilter(), AnonymousAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            UserLookup users,
            DataSource dataSource,
            LocaleResolver locales,
            CrmSettings settings,
            People people)
            throws Exception {
        String rememberMeKey = settings.security().rememberMeKey();
        var tokenStore = new JdbcTokenRepositoryImpl();
        tokenStore.setDataSource(dataSource);
        var rememberMe = new PersistentTokenBasedRememberMeServices(rememberMeKey, users, tokenStore);
        rememberMe.setTokenValiditySeconds(14 * 24 * 3600);
        // Secure follows the request (HTTPS, or a proxy's X-Forwarded-Proto with server.forward-headers-strategy)
        rememberMe.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
        var mappedFailures = new ExceptionMappingAuthenticationFailureHandler();
        mappedFailures.setDefaultFailureUrl("/login?error");
        mappedFailures.setExceptionMappings(
                Map.of("org.springframework.security.authentication.DisabledException", "/login?disabled"));
        AuthenticationFailureHandler failures = (request, response, e) -> {
            if (e instanceof TooManyAttemptsException delayed) {
                response.sendRedirect(request.getContextPath() + "/login?wait=" + delayed.retryAfterSeconds());
            } else {
                mappedFailures.onAuthenticationFailure(request, response, e);
            }
        };
        var success = new SavedRequestAwareAuthenticationSuccessHandler();
        var requests = new HttpSessionRequestCache();
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(failures)
                        .successHandler((request, response, authentication) -> {
                            // the language a person chose last time follows them to any browser
                            if (authentication.getPrincipal() instanceof CrmUser user) {
                                locales.setLocale(request, response, Locale.forLanguageTag(user.locale()));
                            }
                            // a page asked for before signing in comes first; otherwise where this person works
                            if (authentication.getPrincipal() instanceof CrmUser user
                                    && !asksForAPage(requests.getRequest(request, response), request)) {
                                requests.removeRequest(request, response);
                                StartPage start = TenantContext.callAs(
                                        user.tenantId(), () -> people.startPage(user.id(), user.role()));
                                response.sendRedirect(request.getContextPath() + start.path());
                                return;
                            }
                            success.onAuthenticationSuccess(request, response, authentication);
                        })
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMeKey))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                // The public lead form is posted from other websites: its key, not a CSRF token, names the workspace.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/forms/*"))
                .addFilterAfter(new TenantFilter(), AnonymousAuthenticationFilter.class)
                .build();
    }

    /** A saved request for a page other than the home page, which is where anyone would start. */
    private static boolean asksForAPage(SavedRequest saved, HttpServletRequest request) {
        if (saved == null) {
            return false;
        }
        String path = java.net.URI.create(saved.getRedirectUrl()).getPath();
        return path != null && !path.equals(request.getContextPath() + "/") && !path.equals(request.getContextPath());
    }

    /** A delayed sign-in tells the client when it may try again. */
    private static AuthenticationEntryPoint retryAfter(AuthenticationEntryPoint next) {
        return (request, response, e) -> {
            if (e instanceof TooManyAttemptsException delayed) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(delayed.retryAfterSeconds()));
            }
            next.commence(request, response, e);
        };
    }
}
