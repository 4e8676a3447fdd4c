package dev.agentauth.config;

import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * What every AWS client shares: the lean URL-connection HTTP client, the region and the
 * credentials provider set explicitly (no default-chain probing at cold start).
 */
@Module
public final class AwsModule {

    private AwsModule() {}

    @Provides
    @Singleton
    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Provides
    @Singleton
    static Region region(@Named("region") String region) {
        return Region.of(region);
    }

    @Provides
    @Singleton
    static AwsCredentialsProvider credentials(Environment environment) {
        // Lambda puts the execution role's credentials in the environment; read through the
        // injected Environment (on every resolve) so tests and the local runtime can supply theirs.
        // Without keys in the environment (SnapStart restores), the container endpoint serves them.
        if (environment.get("AWS_ACCESS_KEY_ID").isEmpty()) return ContainerCredentialsProvider.create();
        return () -> {
            String key = environment.require("AWS_ACCESS_KEY_ID");
            String secret = environment.require("AWS_SECRET_ACCESS_KEY");
            return environment.get("AWS_SESSION_TOKEN")
                    .<AwsCredentials>map(token -> AwsSessionCredentials.create(key, secret, token))
                    .orElseGet(() -> AwsBasicCredentials.create(key, secret));
        };
    }
}
