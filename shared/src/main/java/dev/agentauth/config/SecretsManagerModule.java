package dev.agentauth.config;

import dagger.Module;
import dagger.Provides;
import java.net.URI;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The SecretsManagerClient, built once at init with the shared settings. */
@Module(includes = AwsModule.class)
public final class SecretsManagerModule {

    private SecretsManagerModule() {}

    @Provides
    @Singleton
    static SecretsManagerClient client(SdkHttpClient http, Region region, AwsCredentialsProvider credentials,
            @Named("endpointOverride") Optional<URI> endpointOverride) {
        return AwsClients.build(SecretsManagerClient.builder(), http, region, credentials, endpointOverride);
    }
}
