package dev.agentauth.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.OutboundFailure.Kind;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.RequestPolicy;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client exactly as functions get it, with the system resolver: what AGENTAUTH_ALLOW_PRIVATE_TARGETS decides. */
class OutboundModuleTest {

    @Test
    void productionClientNeverReachesALoopbackListener() throws Exception {
        ProviderHttp http = OutboundModule.providerHttp(false, Clock.systemUTC());
        try (CountingListener internal = new CountingListener()) {
            for (String target : List.of("http://localhost:%d/", "https://localhost:%d/", "http://127.0.0.1:%d/",
                    "https://[::1]:%d/")) {
                URI uri = URI.create(target.formatted(internal.port()));
                OutboundFailure failure = assertThrows(OutboundFailure.class,
                        () -> http.send(ProviderRequest.get(uri), RequestPolicy.defaults()));
                assertEquals(Kind.TARGET_NOT_ALLOWED, failure.kind(), uri.toString());
            }
            assertEquals(0, internal.unexpectedConnections());
        }
    }

    @Test
    void sandboxClientReachesLoopbackOverPlainHttp() throws Exception {
        ProviderHttp http = OutboundModule.providerHttp(true, Clock.systemUTC());
        try (CountingListener sandbox = new CountingListener()) {
            // the listener accepts and closes without answering: the connection was made
            OutboundFailure failure = assertThrows(OutboundFailure.class, () -> http.send(
                    ProviderRequest.get(URI.create("http://127.0.0.1:" + sandbox.port() + "/")),
                    RequestPolicy.defaults().withRetry(dev.agentauth.application.outbound.RetryPolicy.none())));
            assertEquals(Kind.UNREACHABLE, failure.kind());
            // the JDK client itself reopens once when an idempotent request meets a closed connection
            assertTrue(sandbox.unexpectedConnections() >= 1);
        }
    }
}
