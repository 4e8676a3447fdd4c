package dev.agentauth.accounts;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.vault.TokenVault;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import javax.inject.Singleton;

/** The production account store and vault, for use-case tests against the emulator. */
@Singleton
@Component(modules = {ConfigurationModule.class, DynamoAccountsModule.class, KmsVaultModule.class})
public interface AccountsTestComponent {
    AccountRepository accounts();

    TokenVault vault();

    static AccountsTestComponent create(Environment environment) {
        return DaggerAccountsTestComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
