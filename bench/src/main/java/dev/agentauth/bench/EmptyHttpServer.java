package dev.agentauth.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP floor: the JDK HTTP server the local runtime's gateway is built on, set up the same
 * way (127.0.0.1, a virtual thread per request), answering every request with a constant small
 * JSON body and doing nothing else. A round trip to it is what any route through the runtime
 * pays before the gateway does its own work.
 */
final class EmptyHttpServer implements AutoCloseable {

    private static final byte[] BODY = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private EmptyHttpServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            exchange.getResponseBody().write(BODY);
            exchange.close();
        });
        server.start();
    }

    static EmptyHttpServer start() {
        try {
            return new EmptyHttpServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
