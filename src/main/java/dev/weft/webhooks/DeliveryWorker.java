package dev.weft.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, on every node, every {@code weft.webhooks.poll-interval}. A poll claims a batch in a
 * short transaction ({@code for update skip locked}, then a lease: the rows' next attempt moves
 * {@code weft.webhooks.lease} ahead, so no other node takes them while they are being sent), sends them in
 * parallel outside any transaction, and records each result. 2xx: delivered. Anything else, or no answer:
 * retried after {@code weft.webhooks.retry-delays} (30 s, 2 min, 10 min, 1 h, 6 h), then failed. A node that
 * dies mid-send leaves its rows pending: another takes them once the lease ends (at-least-once delivery). Logs
 * name the delivery and webhook ids, never the URL, body or secret.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final WebhookRepository webhooks;
    private final WebhookProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http;

    DeliveryWorker(WebhookRepository webhooks, WebhookProperties properties, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.webhooks = webhooks;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${weft.webhooks.poll-interval:PT2S}", initialDelayString = "${weft.webhooks.poll-interval:PT2S}")
    void scheduled() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Webhook delivery poll failed; retrying at the next poll: {}", e.getClass().getSimpleName());
        }
    }

    /** Claims and sends one batch of due deliveries; returns how many were attempted. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<WebhookRepository.Outgoing> batch = transactions.execute(tx -> webhooks.outgoing(
                webhooks.claimDue(now, now.plus(properties.lease()), properties.batchSize())));
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (WebhookRepository.Outgoing delivery : batch) {
                sent.add(senders.submit(() -> attempt(delivery)));
            }
            for (Future<?> f : sent) {
                try {
                    f.get();
                } catch (Exception e) {
                    log.warn("Webhook delivery attempt failed unexpectedly: {}", e.getClass().getSimpleName());
                }
            }
        }
        return batch.size();
    }

    private void attempt(WebhookRepository.Outgoing d) {
        int attempts = d.attempts() + 1;
        Integer status = null;
        String error;
        try {
            long timestamp = clock.millis();
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(properties.readTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("x-webflow-timestamp", Long.toString(timestamp))
                    .header("x-webflow-signature", WebhookSignature.sign(d.secret(), timestamp, d.body()))
                    .header("User-Agent", "Weft-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(d.body()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                webhooks.delivered(d.id(), attempts, status, clock.instant());
                return;
            }
            error = "HTTP " + status;
        } catch (HttpConnectTimeoutException e) {
            error = "connect timed out";
        } catch (HttpTimeoutException e) {
            error = "no answer within " + properties.readTimeout().toSeconds() + " s";
        } catch (ConnectException e) {
            error = "connection refused or unreachable";
        } catch (IOException | IllegalArgumentException e) {
            error = "delivery failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the lease ends and the delivery is taken again
        }
        List<Duration> delays = properties.retryDelays();
        if (attempts >= properties.maxAttempts()) {
            webhooks.failed(d.id(), attempts, status, error);
            log.info("Webhook delivery {} of webhook {} failed after {} attempts ({})", d.id(), d.webhookId(), attempts, error);
        } else {
            webhooks.retry(d.id(), attempts, status, error, clock.instant().plus(delays.get(attempts - 1)));
            log.debug("Webhook delivery {} of webhook {}: attempt {} failed ({})", d.id(), d.webhookId(), attempts, error);
        }
    }
}
