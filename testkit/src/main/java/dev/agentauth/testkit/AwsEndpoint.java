package dev.agentauth.testkit;

import java.net.URI;
import java.util.Map;

/** Where the AWS services of a test or of the local runtime answer, and the fake identity used there. */
public record AwsEndpoint(URI url, String region, String accessKeyId, String secretAccessKey, String kind) {

    public static final String DEFAULT_REGION = "us-east-1";

    public static AwsEndpoint of(URI url, String kind) {
        return new AwsEndpoint(url, DEFAULT_REGION, "testing", "testing", kind);
    }

    /** The environment variables a handler needs to reach this endpoint (read by the configuration module). */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ENDPOINT_URL", url.toString(),
                "AWS_REGION", region,
                "AWS_ACCESS_KEY_ID", accessKeyId,
                "AWS_SECRET_ACCESS_KEY", secretAccessKey);
    }
}
