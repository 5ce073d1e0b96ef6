package dev.weft.oauth.server;

import dev.weft.oauth.App;
import dev.weft.oauth.AppRepository;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.time.Duration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The apps of {@code oauth_apps} as Spring Authorization Server's registered clients: exact redirect URIs, the
 * app's scopes, the authorization-code grant only, client secret by HTTP Basic or in the body. The client
 * "secret" a {@link RegisteredClient} holds is the stored keyed digest; {@link #secretEncoder()} checks a sent
 * secret against it. Apps are registered in the dashboard, never through this repository.
 */
@Component
class AppClients implements RegisteredClientRepository {

    static final Duration CODE_TIME_TO_LIVE = Duration.ofMinutes(15);

    private final AppRepository apps;
    private final TokenDigester digester;

    AppClients(AppRepository apps, TokenDigester digester) {
        this.apps = apps;
        this.digester = digester;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("Apps are registered in the dashboard");
    }

    @Override
    public RegisteredClient findById(String id) {
        return id == null ? null : apps.find(id).map(this::client).orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clientId == null || clientId.length() > 64 ? null : apps.findByClientId(clientId).map(this::client).orElse(null);
    }

    private RegisteredClient client(App app) {
        String digest = apps.secretDigest(app.clientId()).orElseThrow();
        return RegisteredClient.withId(app.id())
                .clientId(app.clientId())
                .clientIdIssuedAt(app.createdAt())
                .clientSecret(digest)
                .clientName(app.name())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(app.redirectUris()))
                .scopes(scopes -> scopes.addAll(app.scopes()))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).requireProofKey(false).build())
                .tokenSettings(TokenSettings.builder()
                        .authorizationCodeTimeToLive(CODE_TIME_TO_LIVE)
                        .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                        .build())
                .build();
    }

    /**
     * Checks a client secret as sent ({@code weft_cs_…}) against the stored digest in constant time. Given only
     * to the authorization server's client authentication; users' passwords keep their bcrypt encoder.
     */
    PasswordEncoder secretEncoder() {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return digester.digest(rawPassword.toString());
            }

            @Override
            public boolean matches(CharSequence raw, String storedDigest) {
                if (raw == null || storedDigest == null
                        || !(TokenFormat.parse(raw.toString()) instanceof TokenFormat.Parsed.WellFormed wf)
                        || wf.kind() != TokenKind.CLIENT_SECRET) {
                    return false;
                }
                return TokenDigester.matches(digester.digest(raw.toString()), storedDigest);
            }
        };
    }
}
