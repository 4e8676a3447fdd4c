package dev.agentauth.functions.accounts;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.application.accounts.AccountQueries;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, ConnectionStoreModule.class, DynamoAccountsModule.class,
        AuditModule.class})
interface GetAccountComponent {
    HttpApi api();

    AccountQueries queries();

    static GetAccountComponent create(Environment environment) {
        return DaggerGetAccountComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
