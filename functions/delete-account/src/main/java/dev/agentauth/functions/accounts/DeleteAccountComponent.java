package dev.agentauth.functions.accounts;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.accounts.AccountsModule;
import dev.agentauth.application.accounts.DisconnectAccount;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import dev.agentauth.outbound.OutboundModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, ProviderCatalogModule.class, ConnectionStoreModule.class,
        CredentialStoreModule.class, DynamoAccountsModule.class, KmsVaultModule.class, AuditModule.class, EventsModule.class,
        OutboundModule.class, AccountsModule.class})
interface DeleteAccountComponent {
    HttpApi api();

    DisconnectAccount disconnectAccount();

    static DeleteAccountComponent create(Environment environment) {
        return DaggerDeleteAccountComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
