package dev.agentauth.adapters.keys;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.keys.KeyManagement;
import dev.agentauth.application.keys.KeyRotationPolicy;
import dev.agentauth.config.KmsModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.kms.KmsClient;

/** The stack key's rotation controls and the stack's rotation policy. */
@Module(includes = KmsModule.class)
public final class KeyManagementModule {

    private KeyManagementModule() {}

    @Provides
    @Singleton
    static KeyManagement keyManagement(KmsClient kms, @Named("kmsKeyId") String keyId) {
        return new KmsKeyManagement(kms, keyId);
    }

    @Provides
    static KeyRotationPolicy policy(@Named("keyRotationPeriodDays") int periodDays) {
        return new KeyRotationPolicy(periodDays);
    }
}
