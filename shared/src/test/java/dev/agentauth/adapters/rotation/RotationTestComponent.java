package dev.agentauth.adapters.rotation;

import dagger.Component;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.application.rotation.ConnectionCredentialUpdate;
import dev.agentauth.application.rotation.CredentialCheck;
import dev.agentauth.application.rotation.CredentialRotations;
import dev.agentauth.application.rotation.RotationRecords;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.outbound.OutboundModule;
import java.time.Clock;
import java.util.Map;
import javax.inject.Singleton;

/** The production modules of credential rotation, as the rotate-credentials function composes them. */
@Singleton
@Component(modules = {ConfigurationModule.class, RotationRecordsModule.class, ConnectionStoreModule.class,
        CredentialStoreModule.class, EventsModule.class, AuditModule.class, OutboundModule.class,
        CredentialCheckModule.class, ProviderCatalogModule.class})
public interface RotationTestComponent {

    CredentialRotations rotations();

    RotationRecords records();

    ConnectionRepository connections();

    CredentialStore store();

    CredentialCheck check();

    ConnectionCredentialUpdate update();

    EventPublisher events();

    AuditLog audit();

    Clock clock();


    static RotationTestComponent create(Map<String, String> environment) {
        return DaggerRotationTestComponent.builder()
                .configurationModule(new ConfigurationModule(Environment.of(environment))).build();
    }
}
