package dev.weft.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token format: typed prefix, 178 random bits, CRC32 checksum, scanner pattern. */
class TokenFormatTests {

    @Test
    void generatedTokensMatchTheDocumentedScannerPattern() {
        for (TokenKind kind : TokenKind.values()) {
            String token = TokenFormat.generate(kind);
            assertThat(token).matches("weft_(site|app|cs)_[0-9A-Za-z]{36}").startsWith(kind.prefix());
            assertThat(TokenFormat.parse(token)).isEqualTo(new TokenFormat.Parsed.WellFormed(kind, token));
        }
    }

    @Test
    void randomPartCarriesAtLeast160Bits() {
        assertThat(TokenFormat.RANDOM_LENGTH * Math.log(62) / Math.log(2)).isGreaterThanOrEqualTo(160);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(TokenFormat.generate(TokenKind.SITE))).isTrue();
        }
    }

    @Test
    void everySingleCharacterTypoFailsTheChecksum() {
        String token = TokenFormat.generate(TokenKind.SITE);
        int start = TokenKind.SITE.prefix().length();
        for (int i = start; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'x' ? 'y' : 'x';
            String typo = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(TokenFormat.parse(typo)).isInstanceOf(TokenFormat.Parsed.Malformed.class);
        }
    }

    @Test
    void swappedKindPrefixFailsTheChecksum() {
        String site = TokenFormat.generate(TokenKind.SITE);
        String asApp = TokenKind.APP.prefix() + site.substring(TokenKind.SITE.prefix().length());

        assertThat(TokenFormat.parse(asApp)).isInstanceOf(TokenFormat.Parsed.Malformed.class);
    }

    @Test
    void malformedReasonsNeverRepeatTheToken() {
        String token = TokenFormat.generate(TokenKind.SITE);
        for (String bad : new String[] {token + "x", token.substring(1), token.replace('_', '-'), token.toUpperCase()}) {
            var parsed = TokenFormat.parse(bad);
            assertThat(parsed).isInstanceOf(TokenFormat.Parsed.Malformed.class);
            assertThat(((TokenFormat.Parsed.Malformed) parsed).reason()).doesNotContain(token.substring(10, 30));
        }
    }
}
