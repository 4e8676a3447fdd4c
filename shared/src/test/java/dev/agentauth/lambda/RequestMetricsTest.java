package dev.agentauth.lambda;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.agentauth.config.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a namespace configured (as in the template), no metric throws or is dropped. Outside Lambda
 * Powertools sends EMF to an agent rather than stdout, so what is checked here is that each call
 * gets through Powertools' validation (a dropped metric is logged as such).
 */
class RequestMetricsTest {

    @Test
    void writesRequestErrorAndCountMetricsUnderTheNamespace() {
        RequestMetrics metrics = new RequestMetrics(Environment.of(Map.of("POWERTOOLS_METRICS_NAMESPACE", "AgentAuthTest")));
        String written = captured(() -> {
            metrics.error("IllegalStateException");
            metrics.request(500, 12);
            metrics.count("TokensIssued", 2);
        });
        assertFalse(written.contains("metric dropped"), written);
    }

    @Test
    void writesNothingWithoutANamespace() {
        RequestMetrics metrics = new RequestMetrics(Environment.of(Map.of()));
        String written = captured(() -> {
            metrics.error("IllegalStateException");
            metrics.request(200, 3);
        });
        assertFalse(written.contains("metric dropped"), written);
        assertFalse(written.contains("cloudwatchlogs"), written);
    }

    private static String captured(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
