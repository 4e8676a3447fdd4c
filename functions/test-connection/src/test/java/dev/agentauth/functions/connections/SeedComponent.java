package dev.agentauth.functions.connections;

import dagger.Component;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.audit.AuditTrail;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.connections.CreateConnection;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import javax.inject.Singleton;

/** The production modules, for seeding connections and reading what the handler stored. */
@Singleton
@Component(modules = {ConfigurationModule.class, ProviderCatalogModule.class, ConnectionStoreModule.class,
        CredentialStoreModule.class, AuditModule.class, EventsModule.class})
interface SeedComponent {
    CreateConnection create();

    ConnectionRepository connections();

    AuditTrail audit();

    static SeedComponent create(Environment environment) {
        return DaggerSeedComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
