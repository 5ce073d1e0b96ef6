package dev.weft.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the HTTP tests: Weft on a random port, on its default embedded H2 file database. A subclass
 * annotated {@link OnPostgres} runs the same tests against a real PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // every test calls from 127.0.0.1 and many send bad tokens on purpose; RateLimitApiTests checks the limit
        properties = "weft.api.failed-auth-per-minute=1000000")
@Import(WeftFixtures.class)
public abstract class WeftHttpTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected WeftFixtures fixtures;

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
