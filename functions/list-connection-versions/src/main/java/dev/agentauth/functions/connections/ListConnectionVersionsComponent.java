package dev.agentauth.functions.connections;

import dagger.Component;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.application.connections.ListConnectionVersions;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, ConnectionStoreModule.class, AuditModule.class})
interface ListConnectionVersionsComponent {
    HttpApi api();

    ListConnectionVersions useCase();

    static ListConnectionVersionsComponent create(Environment environment) {
        return DaggerListConnectionVersionsComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
