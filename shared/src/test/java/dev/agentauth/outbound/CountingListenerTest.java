package dev.agentauth.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The listener's count stays exact while connections arrive during a count. */
class CountingListenerTest {

    @Test
    void countsEveryConnectionWhileOthersArriveDuringTheCount() throws Exception {
        int connectors = 4;
        int each = 500;
        try (CountingListener listener = new CountingListener();
                var executor = Executors.newFixedThreadPool(connectors)) {
            List<Future<?>> arriving = new ArrayList<>();
            for (int c = 0; c < connectors; c++) arriving.add(executor.submit(() -> {
                for (int i = 0; i < each; i++) {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", listener.port()), 5000);
                    }
                }
                return null;
            }));
            while (!arriving.stream().allMatch(Future::isDone)) {
                listener.unexpectedConnections(); // counts taken while the list grows
            }
            for (Future<?> done : arriving) done.get();
            assertEquals(connectors * each, listener.unexpectedConnections());
        }
    }
}
