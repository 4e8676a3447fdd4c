package dev.agentauth.functions.keys;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.TokenSealer;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import java.util.Map;
import javax.inject.Singleton;

/** The account store and token sealer, to seed accounts sealed under a given key. */
@Singleton
@Component(modules = {ConfigurationModule.class, DynamoAccountsModule.class, KmsVaultModule.class, dev.agentauth.application.accounts.AccountsModule.class})
interface VaultTestComponent {
    AccountRepository accounts();

    TokenSealer sealer();

    static VaultTestComponent create(Map<String, String> environment) {
        return DaggerVaultTestComponent.builder().configurationModule(new ConfigurationModule(Environment.of(environment))).build();
    }
}
