package dev.weft.oauth.server;

import dev.weft.oauth.AppAuthorizations;
import dev.weft.tokens.Scopes;
import dev.weft.tokens.TokenDigester;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The OAuth 2.0 authorization server (issue 4), built on Spring Authorization Server and assembled into its own
 * security chain by {@code system.SecurityConfig}: {@code GET /oauth/authorize} with Weft's consent page, the
 * token endpoint at {@code /oauth/token} and {@code /oauth/access_token}, revocation at {@code /oauth/revoke}
 * (RFC 7009) and {@code /oauth/revoke_authorization} (Webflow), introspection at {@code /oauth/introspect}, and
 * RFC 8414 metadata. It shares the dashboard's login session. No OpenID Connect, no JWK set, no JWTs.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerSecurity {

    private final AppClients clients;
    private final JdbcAuthorizationService authorizations;
    private final ConsentTargets consentTargets;
    private final OAuthResponses responses;
    private final ClientAuthThrottle throttle;
    private final AppAuthorizations appAuthorizations;
    private final TokenDigester digester;
    private final Clock clock;

    AuthorizationServerSecurity(AppClients clients, JdbcAuthorizationService authorizations,
            ConsentTargets consentTargets, OAuthResponses responses, ClientAuthThrottle throttle,
            AppAuthorizations appAuthorizations, TokenDigester digester, Clock clock) {
        this.clients = clients;
        this.authorizations = authorizations;
        this.consentTargets = consentTargets;
        this.responses = responses;
        this.throttle = throttle;
        this.appAuthorizations = appAuthorizations;
        this.digester = digester;
        this.clock = clock;
    }

    /** Endpoint paths; the issuer is {@code weft.public-url} when set, else the request's own URL. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${weft.public-url:}") String publicUrl) {
        var settings = AuthorizationServerSettings.builder()
                .authorizationEndpoint(OAuthRequestFilter.AUTHORIZE)
                .tokenEndpoint(OAuthRequestFilter.TOKEN)
                .tokenRevocationEndpoint(OAuthRequestFilter.REVOKE)
                .tokenIntrospectionEndpoint(OAuthRequestFilter.INTROSPECT)
                .jwkSetEndpoint("/oauth/jwks")
                .deviceAuthorizationEndpoint("/oauth/device_authorization")
                .deviceVerificationEndpoint("/oauth/device_verification")
                .pushedAuthorizationRequestEndpoint("/oauth/par")
                .oidcClientRegistrationEndpoint("/oauth/connect/register")
                .oidcUserInfoEndpoint("/oauth/userinfo")
                .oidcLogoutEndpoint("/oauth/connect/logout");
        if (!publicUrl.isBlank()) {
            settings.issuer(publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
        }
        return settings.build();
    }

    /** Configures {@code http} as the authorization server's chain. */
    public HttpSecurity configure(HttpSecurity http) {
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher pages = new OrRequestMatcher(paths.matcher(OAuthRequestFilter.AUTHORIZE),
                paths.matcher(ConsentController.PATH));
        http.oauth2AuthorizationServer(s -> server(http, s, paths));
        http.addFilterBefore(new OAuthRequestFilter(responses, throttle), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(OAuthResponses.ERROR_PAGE).permitAll().anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pages)
                        .defaultAuthenticationEntryPointFor((request, response, ex) -> responses.writeError(request, response,
                                "invalid_client"), paths.matcher(HttpMethod.POST, "/**")))
                .headers(h -> h
                        .addHeaderWriter(new ConsentCsp())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http;
    }

    private void server(HttpSecurity http, OAuth2AuthorizationServerConfigurer s, PathPatternRequestMatcher.Builder paths) {
        http.securityMatcher(new OrRequestMatcher(s.getEndpointsMatcher(), paths.matcher(ConsentController.PATH),
                paths.matcher(OAuthResponses.ERROR_PAGE), paths.matcher(OAuthRequestFilter.TOKEN_ALIAS),
                paths.matcher(OAuthRequestFilter.WEBFLOW_REVOKE)));
        s.registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationConsentService(new NoRememberedConsent())
                        .tokenGenerator(new AppTokenGenerator(clock))
                        .clientAuthentication(c -> c
                                .authenticationProviders(providers -> providers.forEach(p -> {
                                    if (p instanceof ClientSecretAuthenticationProvider secret) {
                                        secret.setPasswordEncoder(clients.secretEncoder());
                                    }
                                }))
                                .errorResponseHandler(responses::clientAuthenticationFailure))
                        .authorizationEndpoint(a -> a
                                .consentPage(ConsentController.PATH)
                                .authenticationProviders(providers -> providers.forEach(p -> {
                                    if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider request) {
                                        request.setAuthenticationValidator(new AuthorizeRequestValidator());
                                    }
                                    if (p instanceof OAuth2AuthorizationConsentAuthenticationProvider consent) {
                                        consent.setAuthorizationConsentCustomizer(consentTargets);
                                    }
                                }))
                                .errorResponseHandler(responses::authorizeFailure))
                        .tokenEndpoint(t -> t
                                .accessTokenResponseHandler(responses::tokenIssued)
                                .errorResponseHandler(responses::endpointFailure))
                        .tokenRevocationEndpoint(r -> r
                                .authenticationProviders(this::onlyAppTokens)
                                .revocationResponseHandler(responses::revoked)
                                .errorResponseHandler(responses::endpointFailure))
                        .tokenIntrospectionEndpoint(i -> i
                                .authenticationProviders(this::onlyAppTokens)
                                .errorResponseHandler(responses::endpointFailure))
                        .authorizationServerMetadataEndpoint(m -> m.authorizationServerMetadataCustomizer(
                                metadata -> metadata.claims(AuthorizationServerSecurity::weftMetadata)));
    }

    private void onlyAppTokens(List<org.springframework.security.authentication.AuthenticationProvider> providers) {
        providers.clear();
        providers.add(new AppTokenRevocationProvider(appAuthorizations, digester));
    }

    /** RFC 8414 metadata as Weft serves it: the code flow only, Webflow's scopes, secrets by Basic or in the body. */
    private static void weftMetadata(Map<String, Object> claims) {
        List<String> authMethods = List.of("client_secret_basic", "client_secret_post");
        claims.remove("jwks_uri");
        claims.remove("tls_client_certificate_bound_access_tokens");
        claims.remove("dpop_signing_alg_values_supported");
        claims.put("scopes_supported", Scopes.ALL);
        claims.put("response_types_supported", List.of("code"));
        claims.put("grant_types_supported", List.of("authorization_code"));
        claims.put("code_challenge_methods_supported", List.of("S256"));
        claims.put("token_endpoint_auth_methods_supported", authMethods);
        claims.put("revocation_endpoint_auth_methods_supported", authMethods);
        claims.put("introspection_endpoint_auth_methods_supported", authMethods);
    }

    /** Consent is asked every time: each authorization has its own picks of workspaces and sites. */
    private static final class NoRememberedConsent implements OAuth2AuthorizationConsentService {
        @Override
        public void save(OAuth2AuthorizationConsent authorizationConsent) {}

        @Override
        public void remove(OAuth2AuthorizationConsent authorizationConsent) {}

        @Override
        public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
            return null;
        }
    }
}
