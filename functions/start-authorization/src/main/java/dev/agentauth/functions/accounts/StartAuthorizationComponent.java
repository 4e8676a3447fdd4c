package dev.agentauth.functions.accounts;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.application.accounts.AccountsModule;
import dev.agentauth.application.accounts.StartAuthorization;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, ProviderCatalogModule.class, ConnectionStoreModule.class,
        DynamoAccountsModule.class, KmsVaultModule.class, AuditModule.class, AccountsModule.class})
interface StartAuthorizationComponent {
    HttpApi api();

    StartAuthorization startAuthorization();

    static StartAuthorizationComponent create(Environment environment) {
        return DaggerStartAuthorizationComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
