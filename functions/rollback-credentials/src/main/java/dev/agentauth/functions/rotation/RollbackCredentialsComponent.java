package dev.agentauth.functions.rotation;

import dagger.Component;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.rotation.CredentialCheckModule;
import dev.agentauth.adapters.rotation.RotationRecordsModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.rotation.CredentialRotations;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import dev.agentauth.outbound.OutboundModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, RotationRecordsModule.class, ConnectionStoreModule.class,
        CredentialStoreModule.class, EventsModule.class, AuditModule.class, OutboundModule.class, CredentialCheckModule.class, ProviderCatalogModule.class})
interface RollbackCredentialsComponent {
    HttpApi api();

    CredentialRotations rotations();

    static RollbackCredentialsComponent create(Environment environment) {
        return DaggerRollbackCredentialsComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
