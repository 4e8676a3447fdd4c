package dev.agentauth.functions.accounts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.agentauth.testkit.AwsEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Puts the emulator behind a proxy that handles one request at a time. DynamoDB applies a
 * conditional write atomically per item; moto checks the condition and writes without a lock,
 * so under heavy concurrency two conditional writes on one item can both succeed there. The
 * concurrency tests go through this proxy, which gives moto the atomicity DynamoDB has.
 */
final class SerializingProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final ReentrantLock lock = new ReentrantLock(true);
    private final URI target;
    private final AwsEndpoint endpoint;

    SerializingProxy(AwsEndpoint upstream) {
        this.target = upstream.url();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
        this.endpoint = new AwsEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), upstream.region(),
                upstream.accessKeyId(), upstream.secretAccessKey(), upstream.kind() + "-serialized");
    }

    AwsEndpoint endpoint() {
        return endpoint;
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status;
        Map<String, List<String>> headers;
        byte[] answer;
        lock.lock();
        try {
            HttpURLConnection upstream = (HttpURLConnection) target.resolve(exchange.getRequestURI().toString()).toURL().openConnection();
            upstream.setRequestMethod(exchange.getRequestMethod());
            upstream.setConnectTimeout(5_000);
            upstream.setReadTimeout(60_000);
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> upstream.addRequestProperty(name, v));
                }
            });
            if (body.length > 0) {
                upstream.setDoOutput(true);
                upstream.getOutputStream().write(body);
            }
            status = upstream.getResponseCode();
            headers = upstream.getHeaderFields();
            try (InputStream in = status >= 400 ? upstream.getErrorStream() : upstream.getInputStream()) {
                answer = in == null ? new byte[0] : in.readAllBytes();
            }
        } finally {
            lock.unlock();
        }
        headers.forEach((name, values) -> {
            if (name != null && !HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
