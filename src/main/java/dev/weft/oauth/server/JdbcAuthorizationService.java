package dev.weft.oauth.server;

import dev.weft.accounts.WeftUser;
import dev.weft.audit.AuditLog;
import dev.weft.oauth.AppAuthorizations;
import dev.weft.system.Ids;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenFormat;
import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Authorization Server's authorizations, kept in Weft's tables with explicit SQL (H2 and PostgreSQL):
 * the request in flight in {@code oauth_authorization_requests}, and from the moment the user allows it, the
 * authorization and what it reaches in {@code oauth_authorizations} / {@code oauth_grants} (the contract with
 * the Data API). Consent states, codes and access tokens are stored only as keyed digests; an authorization
 * read back carries a token's real value only when it was looked up by that value, otherwise a placeholder
 * holding the digest.
 */
@Component
class JdbcAuthorizationService implements OAuth2AuthorizationService {

    static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
    private static final String DIGEST_MARK = "#digest:";
    private static final Duration PENDING_KEPT = Duration.ofDays(1);

    private static final String SELECT = """
            select r.id, r.app_id, r.user_id, r.authorization_id, r.redirect_uri, r.scopes, r.client_state,
                   r.code_challenge, r.code_challenge_method, r.targets, r.consent_state_digest, r.code_digest,
                   r.code_issued_at, r.code_expires_at, r.code_used_at, r.created_at, u.email,
                   z.scopes as granted_scopes, z.token_digest, z.created_at as authorized_at, z.revoked_at
            from oauth_authorization_requests r
            join users u on u.id = r.user_id
            left join oauth_authorizations z on z.id = r.authorization_id
            """;
    private static final String INSERT_REQUEST = """
            insert into oauth_authorization_requests (id, app_id, user_id, redirect_uri, scopes, client_state,
                code_challenge, code_challenge_method, consent_state_digest, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_AUTHORIZATION = """
            insert into oauth_authorizations (id, app_id, user_id, scopes, created_at) values (?, ?, ?, ?, ?)""";
    private static final String INSERT_GRANT = """
            insert into oauth_grants (authorization_id, target_type, target_id, excluded, created_at)
            values (?, ?, ?, false, ?)""";
    private static final String CODE_ISSUED = """
            update oauth_authorization_requests set authorization_id = ?, code_digest = ?, code_issued_at = ?,
                code_expires_at = ?, consent_state_digest = null
            where id = ?""";

    private final JdbcClient jdbc;
    private final TokenDigester digester;
    private final AppClients clients;
    private final AppAuthorizations authorizations;
    private final Clock clock;

    JdbcAuthorizationService(JdbcClient jdbc, TokenDigester digester, AppClients clients,
            AppAuthorizations authorizations, Clock clock) {
        this.jdbc = jdbc;
        this.digester = digester;
        this.clients = clients;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void save(OAuth2Authorization authorization) {
        Row row = jdbc.sql(SELECT + "where r.id = ?").param(authorization.getId()).query(JdbcAuthorizationService::row)
                .optional().orElse(null);
        if (row == null) {
            insertRequest(authorization);
            row = jdbc.sql(SELECT + "where r.id = ?").param(authorization.getId()).query(JdbcAuthorizationService::row).single();
        }
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        if (code != null && row.codeDigest() == null) {
            issue(row, authorization, code.getToken());
        }
        if (code != null && code.isInvalidated() && row.codeUsedAt() == null) {
            jdbc.sql("update oauth_authorization_requests set code_used_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), row.id()).update();
        }
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        String authorizationId = row.authorizationId() != null ? row.authorizationId() : idFor(row.id());
        if (access != null && authorizationId != null) {
            String value = access.getToken().getTokenValue();
            if (!access.isInvalidated() && row.tokenDigest() == null && !value.startsWith(DIGEST_MARK)) {
                jdbc.sql("update oauth_authorizations set token_digest = ?, token_hint = ? where id = ? and token_digest is null")
                        .params(digester.digest(value), TokenFormat.hint(value), authorizationId).update();
            } else if (access.isInvalidated()) {
                // Spring Authorization Server invalidates an access token only when its code is used again
                // (revocation by the app goes through AppTokenRevocationProvider).
                authorizations.revokeByApp(authorizationId, AppAuthorizations.CODE_REUSED, ClientAddress.current());
            }
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("delete from oauth_authorization_requests where id = ? and authorization_id is null")
                .param(authorization.getId()).update();
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return jdbc.sql(SELECT + "where r.id = ?").param(id).query(JdbcAuthorizationService::row).optional()
                .map(r -> authorization(r, null, null)).orElse(null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return null;
        }
        String digest = digester.digest(token);
        if (STATE.equals(tokenType)) {
            return jdbc.sql(SELECT + "where r.consent_state_digest = ? and r.created_at > ?")
                    .params(digest, Timestamp.from(clock.instant().minus(PENDING_KEPT))).query(JdbcAuthorizationService::row)
                    .optional().map(r -> authorization(r, token, null)).orElse(null);
        }
        if (CODE.equals(tokenType)) {
            return jdbc.sql(SELECT + "where r.code_digest = ?").param(digest).query(JdbcAuthorizationService::row)
                    .optional().map(r -> authorization(r, null, token)).orElse(null);
        }
        if (tokenType == null || OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)) {
            return jdbc.sql(SELECT + "where z.token_digest = ?").param(digest).query(JdbcAuthorizationService::row)
                    .optional().map(r -> withAccessToken(authorization(r, null, null), r, token)).orElse(null);
        }
        return null;
    }

    /** Records the workspaces and sites picked on the consent page, for the code about to be issued. */
    void recordTargets(String requestId, List<ConsentTargets.Target> targets) {
        String value = String.join(" ", targets.stream().map(t -> t.type() + ":" + t.id()).toList());
        jdbc.sql("update oauth_authorization_requests set targets = ? where id = ? and authorization_id is null")
                .params(value, requestId).update();
    }

    private void insertRequest(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Authentication principal = authorization.getAttribute(Principal.class.getName());
        if (request == null || principal == null || !(principal.getPrincipal() instanceof WeftUser user)) {
            throw new IllegalStateException("An authorization request needs its request and a logged-in user");
        }
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        Instant now = clock.instant();
        jdbc.sql("delete from oauth_authorization_requests where created_at < ? and authorization_id is null")
                .param(Timestamp.from(now.minus(PENDING_KEPT))).update();
        // an Allow whose code was never exchanged (it expired long ago): nothing can use it any more
        jdbc.sql("delete from oauth_authorizations where token_digest is null and revoked_at is null and created_at < ?")
                .param(Timestamp.from(now.minus(PENDING_KEPT))).update();
        Map<String, Object> extra = request.getAdditionalParameters();
        jdbc.sql(INSERT_REQUEST).params(authorization.getId(), authorization.getRegisteredClientId(), user.id(),
                request.getRedirectUri(), String.join(" ", request.getScopes()), request.getState(),
                extra.get(PkceParameterNames.CODE_CHALLENGE), extra.get(PkceParameterNames.CODE_CHALLENGE_METHOD),
                state == null ? null : digester.digest(state), Timestamp.from(now)).update();
    }

    private void issue(Row row, OAuth2Authorization authorization, OAuth2AuthorizationCode code) {
        List<ConsentTargets.Target> targets = ConsentTargets.parse(row.targets());
        if (targets.isEmpty()) {
            throw new IllegalStateException("A code is issued only for an authorization that reaches something");
        }
        String authorizationId = Ids.objectId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(INSERT_AUTHORIZATION).params(authorizationId, row.appId(), row.userId(),
                String.join(" ", ScopeDescriptions.ordered(authorization.getAuthorizedScopes())), now).update();
        for (ConsentTargets.Target target : targets) {
            jdbc.sql(INSERT_GRANT).params(authorizationId, target.type(), target.id(), now).update();
        }
        jdbc.sql(CODE_ISSUED).params(authorizationId, digester.digest(code.getTokenValue()),
                Timestamp.from(code.getIssuedAt()), Timestamp.from(code.getExpiresAt()), row.id()).update();
        authorizations.authorized(authorizationId, AuditLog.Actor.user(row.userId(), ClientAddress.current()));
    }

    private String idFor(String requestId) {
        return jdbc.sql("select authorization_id from oauth_authorization_requests where id = ?").param(requestId)
                .query(String.class).optional().orElse(null);
    }

    /** The authorization as SAS knows it; {@code state} and {@code code} are the raw values when looked up by them. */
    private OAuth2Authorization authorization(Row r, String state, String code) {
        RegisteredClient client = clients.findById(r.appId());
        if (client == null) {
            return null;
        }
        Map<String, Object> extra = new HashMap<>();
        if (r.codeChallenge() != null) {
            extra.put(PkceParameterNames.CODE_CHALLENGE, r.codeChallenge());
            extra.put(PkceParameterNames.CODE_CHALLENGE_METHOD, r.codeChallengeMethod());
        }
        Set<String> scopes = split(r.scopes());
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("/oauth/authorize").clientId(client.getClientId()).redirectUri(r.redirectUri())
                .scopes(scopes).state(r.clientState()).additionalParameters(extra).build();
        WeftUser user = new WeftUser(r.userId(), r.email(), r.email(), null);
        var principal = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client).id(r.id())
                .principalName(r.email()).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .attribute(Principal.class.getName(), principal);
        if (r.consentStateDigest() != null && state != null) {
            builder.attribute(OAuth2ParameterNames.STATE, state);
        }
        if (r.codeDigest() != null) {
            builder.authorizedScopes(split(r.grantedScopes() != null ? r.grantedScopes() : r.scopes()));
            var authorizationCode = new OAuth2AuthorizationCode(code != null ? code : DIGEST_MARK + r.codeDigest(),
                    r.codeIssuedAt(), r.codeExpiresAt());
            builder.token(authorizationCode, m -> m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, r.codeUsedAt() != null));
            if (r.tokenDigest() != null) {
                var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, DIGEST_MARK + r.tokenDigest(),
                        r.authorizedAt(), null, split(r.grantedScopes()));
                builder.token(accessToken, m -> m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, r.revokedAt() != null));
            }
        }
        return builder.build();
    }

    private static OAuth2Authorization withAccessToken(OAuth2Authorization authorization, Row r, String token) {
        if (authorization == null) {
            return null;
        }
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, r.authorizedAt(), null,
                split(r.grantedScopes()));
        return OAuth2Authorization.from(authorization)
                .token(accessToken, m -> m.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, r.revokedAt() != null))
                .build();
    }

    private static Set<String> split(String value) {
        return value == null || value.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(" ")));
    }

    private record Row(String id, String appId, String userId, String authorizationId, String redirectUri,
            String scopes, String clientState, String codeChallenge, String codeChallengeMethod, String targets,
            String consentStateDigest, String codeDigest, Instant codeIssuedAt, Instant codeExpiresAt,
            Instant codeUsedAt, String email, String grantedScopes, String tokenDigest, Instant authorizedAt,
            Instant revokedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("app_id"), rs.getString("user_id"),
                rs.getString("authorization_id"), rs.getString("redirect_uri"), rs.getString("scopes"),
                rs.getString("client_state"), rs.getString("code_challenge"), rs.getString("code_challenge_method"),
                rs.getString("targets"), rs.getString("consent_state_digest"), rs.getString("code_digest"),
                instant(rs, "code_issued_at"), instant(rs, "code_expires_at"), instant(rs, "code_used_at"),
                rs.getString("email"), rs.getString("granted_scopes"), rs.getString("token_digest"),
                instant(rs, "authorized_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
