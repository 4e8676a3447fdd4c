package dev.agentauth.testkit;

import java.net.URI;

/**
 * Chooses the AWS endpoint once per JVM: {@code AWS_ENDPOINT_URL} when set (any emulator, or
 * LocalStack started by the caller), otherwise a moto server started here and stopped when the
 * JVM exits.
 */
public final class AwsEndpoints {

    private static AwsEndpoint shared;

    private AwsEndpoints() {}

    public static synchronized AwsEndpoint shared() {
        if (shared == null) {
            String configured = System.getenv("AWS_ENDPOINT_URL");
            shared = configured != null && !configured.isBlank()
                    ? AwsEndpoint.of(URI.create(configured), "AWS_ENDPOINT_URL")
                    : MotoServer.startShared().endpoint();
        }
        return shared;
    }
}
