package dev.weft.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.testsupport.WeftHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The running application's logging redacts tokens wherever a log line carries one. */
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionTests extends WeftHttpTest {

    @Test
    void tokenWrittenToTheLogByAnyLoggerIsRedacted(CapturedOutput output) {
        User owner = fixtures.user();
        String token = fixtures.siteToken(owner, fixtures.site(owner));
        api().get("/sites", token);
        api().getWithAuthorization("/sites", "'Bearer " + token);

        LoggerFactory.getLogger("dev.weft.probe").warn("header was Authorization: Bearer {} and token {}", token, token);

        assertThat(output.getAll()).contains("weft_site_[REDACTED]").doesNotContain(token)
                .doesNotContain(token.substring(10));
    }
}
