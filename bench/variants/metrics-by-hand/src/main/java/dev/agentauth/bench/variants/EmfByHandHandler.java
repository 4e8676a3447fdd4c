package dev.agentauth.bench.variants;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor of the metrics-and-logging choice: per request one JSON log line and one CloudWatch
 * EMF line (namespace, dimension, Requests count) written to stdout by hand, with the JDK only.
 */
public final class EmfByHandHandler implements RequestStreamHandler {

    static final byte[] RESPONSE = "{\"statusCode\":200,\"headers\":{},\"body\":\"{}\",\"isBase64Encoded\":false}".getBytes(StandardCharsets.UTF_8);

    private final String namespace = System.getenv().getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "AgentAuthBench");
    private final String service = System.getenv().getOrDefault("POWERTOOLS_SERVICE_NAME", "bench");
    private final PrintStream stdout = System.out;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        long now = System.currentTimeMillis();
        stdout.println("{\"level\":\"INFO\",\"message\":\"request\",\"service\":\"" + service + "\",\"function_request_id\":\""
                + context.getAwsRequestId() + "\",\"timestamp\":" + now + "}");
        stdout.println("{\"_aws\":{\"Timestamp\":" + now + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + namespace
                + "\",\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"Requests\",\"Unit\":\"Count\"}]}]},\"Service\":\""
                + service + "\",\"Requests\":1}");
        output.write(RESPONSE);
    }
}
