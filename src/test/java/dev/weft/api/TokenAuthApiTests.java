package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.SiteTokenHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer-token authentication of the Data API: RFC 6750 answers, clear messages, v1 and v2 formats. */
abstract class TokenAuthApiTests extends SiteTokenHttpTest {

    @Test
    void requestWithoutTokenIsUnauthorizedWithBearerChallengeAndV1Body() {
        HttpResult result = api().get("/sites", null);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"Weft API\"");
        assertThat(result.json().get("code").asInt()).isEqualTo(401);
        assertThat(result.json().get("name").asString()).isEqualTo("Unauthorized");
        assertThat(result.json().get("path").asString()).isEqualTo("/sites");
        assertThat(result.json().get("msg").asString()).contains("no Authorization header");
        assertThat(result.json().get("err").asString()).startsWith("Unauthorized: ");
    }

    @Test
    void requestWithoutTokenOnV2IsUnauthorizedInV2Format() {
        HttpResult result = api().get("/v2/sites", null);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("code").asString()).isEqualTo("not_authorized");
        assertThat(result.json().get("message").asString()).startsWith("Request not authorized");
        assertThat(result.json().get("externalReference").isNull()).isTrue();
        assertThat(result.json().get("details").isArray()).isTrue();
    }

    @Test
    void guideJavascriptHeaderWithLeadingQuoteIsRejectedWithMessageAboutTheQuote() {
        HttpResult result = api().getWithAuthorization("/sites", "'Bearer " + token);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(result.json().get("msg").asString()).contains("starts with a quote character");
        assertThat(result.body()).doesNotContain(token);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Bearer%s|no space between 'Bearer' and the token",
        "Basic dXNlcjpwYXNz|scheme 'Basic' is not supported",
        "Token %s|scheme 'Token' is not supported",
        "Bearer \"%s\"|wrapped in quotes",
        "Bearer '%s'|wrapped in quotes",
        "Bearer|no space between 'Bearer' and the token",
        "Bearer %s extra|more than one word",
        "%s|has no scheme",
        "\"Bearer %s\"|starts with a quote character",
    })
    void malformedAuthorizationHeaderGets401SayingWhatIsWrong(String header, String expected) {
        HttpResult v1 = api().getWithAuthorization("/sites", header.formatted(token));
        HttpResult v2 = api().getWithAuthorization("/v2/sites", header.formatted(token));

        assertThat(v1.status()).isEqualTo(401);
        assertThat(v1.json().get("msg").asString()).contains(expected);
        assertThat(v2.status()).isEqualTo(401);
        assertThat(v2.json().get("message").asString()).contains(expected);
        assertThat(v1.body() + v2.body() + v1.headers() + v2.headers()).doesNotContain(token);
    }

    @Test
    void lowercaseBearerSchemeIsAccepted() {
        assertThat(api().getWithAuthorization("/sites", "bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void mistypedTokenFailsTheChecksumWithInvalidTokenChallenge() {
        char last = token.charAt(token.length() - 5);
        String typo = token.substring(0, token.length() - 5) + (last == 'a' ? 'b' : 'a') + token.substring(token.length() - 4);

        HttpResult result = api().get("/v2/sites", typo);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate")).startsWith("Bearer realm=\"Weft API\", error=\"invalid_token\"");
        assertThat(result.json().get("message").asString()).contains("checksum");
    }

    @Test
    void truncatedTokenIsRejectedAsTruncated() {
        HttpResult result = api().get("/sites", token.substring(0, token.length() - 3));

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("msg").asString()).contains("wrong length");
    }

    @Test
    void wellFormedButUnknownTokenIsInvalid() {
        String unknown = dev.weft.tokens.TokenFormat.generate(dev.weft.tokens.TokenKind.SITE);

        HttpResult result = api().get("/sites", unknown);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(result.json().get("msg").asString()).contains("unknown, or it was regenerated or revoked");
    }

    @Test
    void foreignTokenFormatIsRejectedAsNotAWeftToken() {
        HttpResult result = api().get("/sites", "abcdefghijklmnopqrstuvwxyz1234567890");

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("msg").asString()).contains("not a Weft token");
    }

    @Test
    void requestWhenTokenRegeneratedThenOldTokenUnauthorizedAndNewTokenWorks() {
        assertThat(api().get("/sites", token).status()).isEqualTo(200);

        String fresh = fixtures.siteToken(owner, site);

        assertThat(api().get("/sites", token).status()).isEqualTo(401);
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(401);
        assertThat(api().get("/sites", fresh).status()).isEqualTo(200);
        assertThat(fresh).isNotEqualTo(token);
    }

    @Test
    void tokenInTheQueryStringIsRefusedWithAdviceToUseTheHeader() {
        HttpResult result = api().get("/sites?access_token=" + token, null);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("msg").asString()).contains("not accepted in the URL");
        assertThat(result.body()).doesNotContain(token);
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        HttpResult result = api().send("/sites", "GET",
                new String[] {"Authorization", "Bearer " + token, "Authorization", "Bearer " + token}, null);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("msg").asString()).contains("more than one Authorization header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0"})
    void knownV1VersionIsAccepted(String version) {
        assertThat(api().get("/sites", token, "Accept-Version", version).status()).isEqualTo(200);
        assertThat(api().get("/sites?api_version=" + version, token).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.0.0", "0.9", "1.0.1", "latest"})
    void unknownAcceptVersionIsInvalidApiVersion(String version) {
        HttpResult result = api().get("/sites", token, "Accept-Version", version);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("name").asString()).isEqualTo("InvalidAPIVersion");
        assertThat(result.json().get("code").asInt()).isEqualTo(400);
    }

    @Test
    void unknownAcceptVersionOnV2IsUnsupportedVersion() {
        HttpResult result = api().get("/v2/sites", token, "Accept-Version", "1.0.0");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("code").asString()).isEqualTo("unsupported_version");
    }

    @Test
    void versionIsCheckedBeforeAuthenticationSoTheErrorFormatIsKnown() {
        HttpResult result = api().get("/sites", null, "Accept-Version", "7");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("name").asString()).isEqualTo("InvalidAPIVersion");
    }

    @Test
    void hostileHeadersNeverProduceAServerError() {
        String[] values = {"Bearer " + "x".repeat(10_000), "Bearer weft_site_" + "é".repeat(36), "Bearer \u00ff\u00fe",
            "Bearer weft_site_", "Bearer weft_app_" + "A".repeat(36), ",,,", "Negotiate abc"};
        for (int i = 0; i < values.length; i++) {
            HttpResult result = api().getWithAuthorization("/v2/sites", values[i]);
            assertThat(result.status()).as("hostile header #" + i).isIn(400, 401);
            assertThat(result.body()).doesNotContain("Exception").doesNotContain("at dev.weft");
        }
    }
}
