package dev.agentauth.bench;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.AccountsModule;
import dev.agentauth.application.accounts.TokenSealer;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import java.util.Map;
import javax.inject.Singleton;

/**
 * The production stores the refresher reads, built against the emulator in the bench JVM: what
 * seeding real due accounts needs (a connection with its client secret, accounts whose refresh
 * tokens are sealed in the vault).
 */
@Singleton
@Component(modules = {ConfigurationModule.class, ConnectionStoreModule.class, CredentialStoreModule.class,
        DynamoAccountsModule.class, KmsVaultModule.class, AccountsModule.class})
interface RefresherStores {
    AccountRepository accounts();

    TokenSealer sealer();

    ConnectionRepository connections();

    CredentialStore credentials();

    static RefresherStores create(Map<String, String> environment) {
        return DaggerRefresherStores.builder().configurationModule(new ConfigurationModule(Environment.of(environment))).build();
    }
}
