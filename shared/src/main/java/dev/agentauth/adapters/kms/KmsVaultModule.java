package dev.agentauth.adapters.kms;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.vault.TokenVault;
import dev.agentauth.config.KmsModule;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.kms.KmsClient;

/** The token vault: KMS envelope encryption with the stack key, data keys cached per instance. */
@Module(includes = KmsModule.class)
public final class KmsVaultModule {

    private KmsVaultModule() {}

    @Provides
    @Singleton
    static TokenVault vault(KmsClient kms, @Named("kmsKeyId") String keyId, Clock clock) {
        return new KmsEnvelopeVault(kms, keyId, DataKeyCache.defaults(clock));
    }
}
