package dev.weft.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.WeftApplication;
import dev.weft.accounts.AccountService;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.PostgresServer;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stateless Weft nodes over one PostgreSQL: a token regenerated on one node stops working on the other
 * at once, although the other had it cached as valid.
 */
@ExtendWith(PostgresServer.Required.class)
class MultiNodeRevocationTests {

    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;

    @BeforeEach
    void twoNodesOnOneDatabase() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String url = pg.createDatabase("weft_multinode_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000);
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        String[] shared = {
            "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + pg.username(),
            "--spring.datasource.password=" + pg.password(),
            "--weft.tokens.pepper=" + Base64.getEncoder().encodeToString(pepper), "--weft.tokens.cache-ttl=10m"
        };
        nodeA = start(shared, Files.createTempDirectory("weft-node-a").toString());
        nodeB = start(shared, Files.createTempDirectory("weft-node-b").toString());
    }

    @AfterEach
    void stop() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void regenerationOnOneNodeInvalidatesTheTokenCachedOnAnother() throws Exception {
        User owner = nodeA.getBean(AccountService.class)
                .signUp(new AccountService.SignUp("multi" + System.nanoTime() + "@example.test", "correct horse battery", "Multi Node"));
        String workspace = nodeA.getBean(AccountService.class).memberships(owner.id()).getFirst().workspace().id();
        Site site = nodeA.getBean(SiteService.class).create(owner.id(), new SiteService.CreateSite(workspace, "blank", "Two nodes", "UTC"));
        String old = nodeA.getBean(SiteTokenService.class).generate(owner.id(), site.id()).token();
        ApiClient b = new ApiClient("http://127.0.0.1:" + port(nodeB));
        assertThat(b.get("/v2/sites", old).status()).isEqualTo(200); // now cached on B for 10 minutes

        String fresh = nodeA.getBean(SiteTokenService.class).generate(owner.id(), site.id()).token();

        long deadline = System.nanoTime() + 2_000_000_000L; // the notice arrives in milliseconds; allow 2 s
        int status;
        do {
            status = b.get("/v2/sites", old).status();
        } while (status != 401 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(401);
        assertThat(b.get("/v2/sites", fresh).status()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext start(String[] shared, String dataDir) {
        String[] args = java.util.Arrays.copyOf(shared, shared.length + 1);
        args[shared.length] = "--weft.data-dir=" + dataDir;
        return new SpringApplicationBuilder(WeftApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
