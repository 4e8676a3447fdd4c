package dev.agentauth.adapters.secrets;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.accounts.AccountSecrets;
import dev.agentauth.config.SecretsManagerModule;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Account tokens in Secrets Manager, for connections with {@code token_storage: secrets_manager}. */
@Module(includes = SecretsManagerModule.class)
public final class AccountSecretsModule {

    private AccountSecretsModule() {}

    @Provides
    @Singleton
    static AccountSecrets accountSecrets(SecretsManagerClient secrets, @Named("secretPrefix") String prefix,
            @Named("kmsKeyId") String kmsKeyId) {
        return new SecretsManagerAccountSecrets(secrets, prefix, kmsKeyId);
    }
}
