package dev.agentauth.config;

import dagger.Module;
import dagger.Provides;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * The one place that reads configuration from the environment. Every variable read here is
 * declared in template.yaml (a guard test checks it) for the functions whose components use it.
 */
@Module
public final class ConfigurationModule {

    private final Environment environment;

    public ConfigurationModule(Environment environment) {
        this.environment = environment;
    }

    @Provides
    Environment environment() {
        return environment;
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Named("region")
    String region() {
        return environment.get("AWS_REGION").orElse("us-east-1");
    }

    /** Set only for emulators (moto, LocalStack); in AWS the SDK's default endpoints are used. */
    @Provides
    @Named("endpointOverride")
    Optional<URI> endpointOverride() {
        return environment.get("AWS_ENDPOINT_URL").map(URI::create);
    }

    @Provides
    @Named("tableName")
    String tableName() {
        return environment.require("AGENTAUTH_TABLE_NAME");
    }

    @Provides
    @Named("secretPrefix")
    String secretPrefix() {
        return environment.require("AGENTAUTH_SECRET_PREFIX");
    }

    @Provides
    @Named("kmsKeyId")
    String kmsKeyId() {
        return environment.require("AGENTAUTH_KMS_KEY_ID");
    }

    @Provides
    @Named("eventBusName")
    String eventBusName() {
        return environment.require("AGENTAUTH_EVENT_BUS_NAME");
    }

    /** Days a deleted connection's secret stays recoverable (Secrets Manager allows 7-30; template default 30). */
    @Provides
    @Named("secretRecoveryDays")
    int secretRecoveryDays() {
        int days = environment.get("AGENTAUTH_SECRET_RECOVERY_DAYS").map(String::strip).map(Integer::parseInt).orElse(30);
        if (days < 7 || days > 30) throw new IllegalStateException("AGENTAUTH_SECRET_RECOVERY_DAYS must be between 7 and 30");
        return days;
    }

    /** Loopback/private outbound targets are allowed only for local development (template sets false). */
    @Provides
    @Named("allowPrivateTargets")
    boolean allowPrivateTargets() {
        return environment.get("AGENTAUTH_ALLOW_PRIVATE_TARGETS").map(Boolean::parseBoolean).orElse(false);
    }

    /** Shards of the refresh-due index (due_shard = hash(account id) mod this); the refresher queries each. */
    @Provides
    @Named("refreshShards")
    int refreshShards() {
        return environment.get("AGENTAUTH_REFRESH_SHARDS").map(Integer::parseInt).orElse(8);
    }

    /** The stack key's rotation period in days (AGENTAUTH_KEY_ROTATION_PERIOD_DAYS, the template's KeyRotationPeriodDays). */
    @Provides
    @Named("keyRotationPeriodDays")
    int keyRotationPeriodDays() {
        return environment.get("AGENTAUTH_KEY_ROTATION_PERIOD_DAYS").map(Integer::parseInt).orElse(365);
    }
}
