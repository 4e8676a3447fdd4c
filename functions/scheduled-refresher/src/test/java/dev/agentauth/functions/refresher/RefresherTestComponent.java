package dev.agentauth.functions.refresher;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.accounts.AccountRepository;
import dev.agentauth.application.accounts.AccountsModule;
import dev.agentauth.application.accounts.IssueAccountToken;
import dev.agentauth.application.accounts.TokenSealer;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.outbound.OutboundModule;
import java.util.Map;
import javax.inject.Singleton;

/** What the tests need besides the handler: the stores to seed, and the token route's use case. */
@Singleton
@Component(modules = {ConfigurationModule.class, ProviderCatalogModule.class, ConnectionStoreModule.class,
        CredentialStoreModule.class, DynamoAccountsModule.class, KmsVaultModule.class, AuditModule.class, EventsModule.class,
        OutboundModule.class, AccountsModule.class})
interface RefresherTestComponent {
    AccountRepository accounts();

    TokenSealer sealer();

    ConnectionRepository connections();

    CredentialStore credentials();

    IssueAccountToken issueAccountToken();

    static RefresherTestComponent create(Map<String, String> environment) {
        return DaggerRefresherTestComponent.builder()
                .configurationModule(new ConfigurationModule(Environment.of(environment))).build();
    }
}
