package dev.agentauth.testdata;

import dagger.Component;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditTrail;
import dev.agentauth.application.connections.ConnectionJournal;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.connections.ConnectionRequestReader;
import dev.agentauth.application.connections.CreateConnection;
import dev.agentauth.application.connections.DeleteConnection;
import dev.agentauth.application.connections.UpdateConnection;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * Every connections collaborator built by the production modules, for tests that seed data or
 * exercise the use cases and adapters directly against the emulator.
 */
@Singleton
@Component(modules = {ConfigurationModule.class, ProviderCatalogModule.class, ConnectionStoreModule.class,
        CredentialStoreModule.class, AuditModule.class, EventsModule.class})
public interface ConnectionsComponent {

    CreateConnection createConnection();

    UpdateConnection updateConnection();

    DeleteConnection deleteConnection();

    ConnectionRepository connections();

    CredentialStore credentials();

    AuditLog auditLog();

    AuditTrail auditTrail();

    EventPublisher events();

    ConnectionJournal journal();

    ConnectionRequestReader reader();

    Clock clock();

    static ConnectionsComponent create(Environment environment) {
        return DaggerConnectionsComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
