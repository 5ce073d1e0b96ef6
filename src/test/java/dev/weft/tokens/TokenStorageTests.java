package dev.weft.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.WeftHttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a database leak would reveal of a token: nothing. Run on H2 and on PostgreSQL. */
abstract class TokenStorageTests extends WeftHttpTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenDigester digester;

    @Value("${weft.data-dir}")
    String dataDir;

    @Test
    void issuedTokenTextIsInNoColumnOfAnyTable() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String first = fixtures.siteToken(owner, site);
        String second = fixtures.siteToken(owner, site); // the first is now revoked, still stored
        assertThat(api().get("/sites", second).status()).isEqualTo(200);

        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')""")
                .query(String.class).list();
        assertThat(tables).extracting(String::toLowerCase).contains("site_tokens", "users", "sites");

        List<String> everything = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("select * from \"" + table + "\"").query().listOfRows()) {
                row.values().forEach(v -> everything.add(String.valueOf(v)));
            }
        }
        for (String token : List.of(first, second)) {
            String secretPart = token.substring(TokenKind.SITE.prefix().length());
            assertThat(everything).noneMatch(v -> v.contains(secretPart));
            assertThat(everything).noneMatch(v -> v.contains(secretPart.substring(0, 20)));
            assertThat(everything).contains(digester.digest(token));
        }
    }

    @Test
    void namedAndRotatedTokensAreStoredOnlyAsDigestsWithTheirScopes() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        IssuedToken named = fixtures.namedToken(owner, site, "Reader", "read", "none", null);
        IssuedToken rotated = fixtures.rotate(owner, site, named.details().id(), Overlap.DAY);

        List<String> everything = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("select * from site_tokens where site_id = ?").param(site.id()).query().listOfRows()) {
            row.values().forEach(v -> everything.add(String.valueOf(v)));
        }
        for (Map<String, Object> row : jdbc.sql("select * from site_audit_events where site_id = ?").param(site.id()).query().listOfRows()) {
            row.values().forEach(v -> everything.add(String.valueOf(v)));
        }
        for (String token : List.of(named.token(), rotated.token())) {
            String secretPart = token.substring(TokenKind.SITE.prefix().length());
            assertThat(everything).noneMatch(v -> v.contains(secretPart.substring(0, 20)));
            assertThat(everything).contains(digester.digest(token));
        }
        assertThat(jdbc.sql("select scopes from site_tokens where site_id = ? and revoked_at is null").param(site.id())
                .query(String.class).list()).containsExactly("sites:read", "sites:read");
    }

    @Test
    void digestIsKeyedSoThePlainHashOfTheTokenIsNotStored() throws Exception {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String token = fixtures.siteToken(owner, site);
        String plainSha256 = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes()));

        String stored = jdbc.sql("select digest from site_tokens where site_id = ?").param(site.id()).query(String.class).single();

        assertThat(stored).isEqualTo(digester.digest(token)).isNotEqualTo(plainSha256).hasSize(64);
    }

    @Test
    void hintShowsOnlyThePrefixAndLastFourCharacters() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String token = fixtures.siteToken(owner, site);

        String hint = jdbc.sql("select hint from site_tokens where site_id = ?").param(site.id()).query(String.class).single();

        assertThat(hint).isEqualTo("weft_site_…" + token.substring(token.length() - 4));
    }

    @Test
    void pepperLivesInTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        Path pepper = Path.of(dataDir, "secrets", "token-pepper");

        assertThat(pepper).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pepper))).isEqualTo("rw-------");
    }
}
