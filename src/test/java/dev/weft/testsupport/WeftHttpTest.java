package dev.weft.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the HTTP tests: Weft on a random port, on its default embedded H2 file database. A subclass
 * annotated {@link OnPostgres} runs the same tests against a real PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
