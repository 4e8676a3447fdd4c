package dev.agentauth.bench.variants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * What the functions do (shared's RequestMetrics and HttpApi): one JSON log line through SLF4J
 * and our backend (dev.agentauth.logging, unpacked into this variant), and one EMF line through
 * Powertools metrics' functional API, flushed explicitly. No AspectJ.
 */
public final class FunctionalMetricsHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionalMetricsHandler.class);
    private static final byte[] RESPONSE = "{\"statusCode\":200,\"headers\":{},\"body\":\"{}\",\"isBase64Encoded\":false}".getBytes(StandardCharsets.UTF_8);

    private final String namespace = System.getenv().getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "AgentAuthBench");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        MDC.put("function_request_id", context.getAwsRequestId());
        try {
            LOG.info("request");
            Metrics metrics = MetricsFactory.getMetricsInstance();
            metrics.setNamespace(namespace);
            metrics.addMetric("Requests", 1, MetricUnit.COUNT);
            metrics.flush();
            output.write(RESPONSE);
        } finally {
            MDC.clear();
        }
    }
}
