package dev.agentauth.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/** Applies the shared settings to any SDK client builder, so every service module builds clients alike. */
public final class AwsClients {

    private AwsClients() {}

    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, SdkHttpClient http, Region region, AwsCredentialsProvider credentials,
            Optional<URI> endpointOverride) {
        builder.httpClient(http).region(region).credentialsProvider(credentials);
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
