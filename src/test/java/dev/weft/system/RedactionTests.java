package dev.weft.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import org.junit.jupiter.api.Test;

/** Redaction of secrets from log lines. */
class RedactionTests {

    @Test
    void tokensAuthorizationValuesAndPasswordsAreRedacted() {
        String token = TokenFormat.generate(TokenKind.SITE);
        String line = "GET /sites Authorization: Bearer " + token + " password=hunter22 {\"client_secret\":\"s3cr3t\"} "
                + "authorization=Basic dXNlcjpwYXNz and again " + token + "?access_token=abc123";

        String redacted = Redaction.redact(line);

        assertThat(redacted).doesNotContain(token).doesNotContain(token.substring(10))
                .doesNotContain("hunter22").doesNotContain("s3cr3t").doesNotContain("dXNlcjpwYXNz")
                .doesNotContain("abc123").contains("[REDACTED]").contains("GET /sites");
    }

    @Test
    void textWithoutSecretsIsUnchanged() {
        String line = "Started WeftApplication in 3.2 seconds (process running for 3.9)";

        assertThat(Redaction.redact(line)).isEqualTo(line);
    }
}
