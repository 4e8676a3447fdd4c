package dev.agentauth.functions.connections;

import dagger.Component;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.application.connections.ListConnections;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, ConnectionStoreModule.class, AuditModule.class})
interface ListConnectionsComponent {
    HttpApi api();

    ListConnections useCase();

    static ListConnectionsComponent create(Environment environment) {
        return DaggerListConnectionsComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
