package dev.weft.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SitePublishing;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WebhookReceiver;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.webhooks.DeliveryWorker;
import dev.weft.webhooks.WebhookService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Integrations → Custom domains and Webhooks (with recent deliveries): owners and admins only. */
class WebhooksDashboardTests extends WeftHttpTest {

    @Autowired
    WebhookService webhooks;
    @Autowired
    SitePublishing publishing;
    @Autowired
    DeliveryWorker worker;

    @Test
    void ownerSeesWebhooksAndTheStatusOfTheirDeliveries() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            var hook = webhooks.create(site.id(), new WebhookService.NewWebhook(2, "site_publish", receiver.url("/h"), null));
            receiver.answer(500);
            publishing.publish(site.id(), List.of(), true, owner.displayName());
            worker.deliverDue();
            assertThat(receiver.received()).hasSize(1);

            DashboardSession browser = new DashboardSession("http://127.0.0.1:" + port);
            browser.logIn(owner.email(), WeftFixtures.PASSWORD);
            HttpResult page = browser.get("/dashboard/sites/" + site.id() + "/settings/integrations");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"webhooks\"").contains("id=\"webhook-" + hook.id() + "\"")
                    .contains(receiver.url("/h")).contains("retrying at").contains(">500<")
                    .contains("id=\"webhook-signing-secret\"");
        }
    }

    @Test
    void ownerAddsAndRemovesACustomDomainAndAMemberSeesNeither() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        DashboardSession browser = new DashboardSession("http://127.0.0.1:" + port);
        browser.logIn(owner.email(), WeftFixtures.PASSWORD);
        String integrations = "/dashboard/sites/" + site.id() + "/settings/integrations";
        browser.get(integrations);
        String name = "shop" + System.nanoTime() + ".example.com";

        assertThat(browser.post(integrations + "/domains", Map.of("name", name)).status()).isEqualTo(302);
        assertThat(browser.get(integrations).body()).contains(name);
        assertThat(browser.post(integrations + "/domains", Map.of("name", "not a domain")).status()).isEqualTo(422);
        String id = publishing.domains(site.id()).getFirst().id();

        User member = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);
        DashboardSession memberBrowser = new DashboardSession("http://127.0.0.1:" + port);
        memberBrowser.logIn(member.email(), WeftFixtures.PASSWORD);
        HttpResult memberPage = memberBrowser.get(integrations);
        assertThat(memberPage.body()).doesNotContain("id=\"webhooks\"").doesNotContain(name);
        assertThat(memberBrowser.post(integrations + "/domains/" + id + "/remove", Map.of()).status()).isEqualTo(403);

        assertThat(browser.post(integrations + "/domains/" + id + "/remove", Map.of()).status()).isEqualTo(302);
        assertThat(publishing.domains(site.id())).isEmpty();
    }
}
