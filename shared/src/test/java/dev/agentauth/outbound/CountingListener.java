package dev.agentauth.outbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP listener on every local address (IPv4 and IPv6 wildcard) that counts connections and
 * answers nothing: the internal service an SSRF must never reach.
 * <p>
 * Counting is deterministic: {@link #unexpectedConnections()} opens a sentinel connection of its
 * own and waits until that one is accepted; connections are accepted in arrival order, so every
 * earlier connection has been counted by then.
 */
public final class CountingListener implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> acceptedFromPorts = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private int sentinels;

    public CountingListener() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(0), 200);
        acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections other than this class's own sentinels have been accepted so far. */
    public synchronized int unexpectedConnections() throws IOException, InterruptedException {
        int before = acceptedFromPorts.size();
        try (Socket sentinel = new Socket()) {
            sentinel.connect(new InetSocketAddress("127.0.0.1", port()), 5000);
            sentinels++; // connected, so it will be accepted whatever happens below
            int sentinelPort = sentinel.getLocalPort();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!acceptedSince(before, sentinelPort)) {
                if (System.nanoTime() > until) throw new IllegalStateException("sentinel connection was not accepted");
                Thread.sleep(5);
            }
        }
        return acceptedFromPorts.size() - sentinels;
    }

    /** Scans by index: the list only grows, and a subList view would fail when it does. */
    private boolean acceptedSince(int index, int port) {
        for (int i = index; i < acceptedFromPorts.size(); i++) {
            if (acceptedFromPorts.get(i) == port) return true;
        }
        return false;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                acceptedFromPorts.add(socket.getPort());
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
