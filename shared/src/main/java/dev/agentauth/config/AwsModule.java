package dev.agentauth.config;

import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
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
    static AwsCredentialsProvider credentials() {
        // Lambda puts the execution role's credentials in the environment
        return EnvironmentVariableCredentialsProvider.create();
    }
}
