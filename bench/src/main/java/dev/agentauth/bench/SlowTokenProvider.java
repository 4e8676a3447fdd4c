package dev.agentauth.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider's token endpoint on loopback that answers every refresh-token grant after a fixed
 * delay with a new access token and a rotated refresh token (an hour's expiry). Each request is
 * served on its own virtual thread, so the delay is the provider's, never a queue's.
 */
final class SlowTokenProvider implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration delay;
    private final AtomicInteger refreshes = new AtomicInteger();

    private SlowTokenProvider(Duration delay) throws IOException {
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/token", this::token);
        server.setExecutor(threads);
        server.start();
    }

    static SlowTokenProvider start(Duration delay) throws IOException {
        return new SlowTokenProvider(delay);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Duration delay() {
        return delay;
    }

    /** Refresh-token grants answered with new tokens so far. */
    int refreshes() {
        return refreshes.get();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod()) || !form.contains("grant_type=refresh_token")) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            Thread.sleep(delay);
            byte[] body = ("{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"refresh_token\":\"rt-" + UUID.randomUUID()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            refreshes.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
