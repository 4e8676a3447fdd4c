package dev.agentauth.bench.variants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.Logging;
import software.amazon.lambda.powertools.metrics.FlushMetrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools as its documentation shows it: {@code @Logging} (log4j2 backend, the Lambda context
 * in every line) and {@code @FlushMetrics} on the handler method, woven at compile time by
 * AspectJ (aspectj-maven-plugin with Powertools' aspect libraries). Same output as the other
 * variants: one log line and one EMF line with a Requests count.
 */
public final class WovenPowertoolsHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WovenPowertoolsHandler.class);
    private static final byte[] RESPONSE = "{\"statusCode\":200,\"headers\":{},\"body\":\"{}\",\"isBase64Encoded\":false}".getBytes(StandardCharsets.UTF_8);

    @Override
    @Logging
    @FlushMetrics
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        LOG.info("request");
        MetricsFactory.getMetricsInstance().addMetric("Requests", 1, MetricUnit.COUNT);
        output.write(RESPONSE);
    }
}
