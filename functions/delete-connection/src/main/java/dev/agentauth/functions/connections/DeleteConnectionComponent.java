package dev.agentauth.functions.connections;

import dagger.Component;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.application.connections.DeleteConnection;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, ConnectionStoreModule.class, CredentialStoreModule.class, AuditModule.class, EventsModule.class})
interface DeleteConnectionComponent {
    HttpApi api();

    DeleteConnection useCase();

    static DeleteConnectionComponent create(Environment environment) {
        return DaggerDeleteConnectionComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
