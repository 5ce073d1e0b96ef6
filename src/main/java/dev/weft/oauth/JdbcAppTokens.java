package dev.weft.oauth;

import dev.weft.tokens.AppTokens;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenKind;
import dev.weft.tokens.VerifiedToken;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** App access tokens by digest: a live authorization (not revoked) whose token digest matches. */
@Repository
class JdbcAppTokens implements AppTokens {

    private final JdbcClient jdbc;

    JdbcAppTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<VerifiedToken> findLive(String digest) {
        return jdbc.sql("""
                select id, app_id, user_id, scopes, created_at, token_digest from oauth_authorizations
                where token_digest = ? and revoked_at is null""")
                .param(digest)
                .query((rs, n) -> TokenDigester.matches(rs.getString("token_digest"), digest)
                        ? new VerifiedToken(rs.getString("id"), TokenKind.APP, null, null, rs.getString("user_id"),
                                rs.getTimestamp("created_at").toInstant(), null, scopes(rs.getString("scopes")),
                                rs.getString("app_id"))
                        : null)
                .optional();
    }

    static Set<String> scopes(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
