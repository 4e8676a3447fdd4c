package dev.agentauth.config;

import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
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

    /**
     * The execution role's credentials: from the (injected) environment where Lambda without
     * SnapStart, emulators and the local runtime put them; with SnapStart Lambda leaves them out
     * of the environment and serves them from the container credentials endpoint instead.
     * Read on each resolution, so restored snapshots and rotated keys are picked up.
     */
    @Provides
    @Singleton
    static AwsCredentialsProvider credentials(Environment environment) {
        AwsCredentialsProvider fromEnvironment = () -> environmentCredentials(environment);
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(fromEnvironment, ContainerCredentialsProvider.builder().build())
                .build();
    }

    private static AwsCredentials environmentCredentials(Environment environment) {
        String keyId = environment.get("AWS_ACCESS_KEY_ID").orElse(null);
        String secret = environment.get("AWS_SECRET_ACCESS_KEY").orElse(null);
        if (keyId == null || secret == null) throw SdkClientException.create("no access keys in the environment");
        return environment.get("AWS_SESSION_TOKEN")
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId, secret, token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId, secret));
    }
}
