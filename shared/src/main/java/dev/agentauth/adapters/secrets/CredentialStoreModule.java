package dev.agentauth.adapters.secrets;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.config.SecretsManagerModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Connection credentials in Secrets Manager, under the stack's KMS key. */
@Module(includes = SecretsManagerModule.class)
public final class CredentialStoreModule {

    private CredentialStoreModule() {}

    @Provides
    @Singleton
    static CredentialStore credentials(SecretsManagerClient secrets, @Named("secretPrefix") String prefix,
            @Named("kmsKeyId") String kmsKeyId, @Named("secretRecoveryDays") int recoveryWindowDays) {
        return new SecretsManagerCredentialStore(secrets, prefix, kmsKeyId, recoveryWindowDays);
    }
}
