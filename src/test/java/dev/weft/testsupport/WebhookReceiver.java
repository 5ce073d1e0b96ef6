package dev.weft.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver on 127.0.0.1 (JDK HttpServer): records every POST (headers and body) and answers the
 * statuses queued with {@link #answer} first, then 200. {@link #await} waits for a request to arrive.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, String timestamp, String signature, String contentType, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        return start(0);
    }

    /** On the given port (0: any free one). */
    public static WebhookReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var h = exchange.getRequestHeaders();
                receiver.received.add(new Received(exchange.getRequestURI().getPath(), h.getFirst("x-webflow-timestamp"),
                        h.getFirst("x-webflow-signature"), h.getFirst("Content-Type"), body));
                Integer status = receiver.answers.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next requests are answered with these statuses (then 200 again). */
    public void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits up to {@code timeout} until {@code count} requests match; returns those seen. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count || System.nanoTime() > deadline) {
                return matching;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return matching;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
