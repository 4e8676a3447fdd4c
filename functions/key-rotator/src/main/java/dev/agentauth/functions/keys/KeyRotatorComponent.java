package dev.agentauth.functions.keys;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.keys.KeyManagementModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.adapters.refresh.RefreshIndexModule;
import dev.agentauth.adapters.rotation.CredentialCheckModule;
import dev.agentauth.adapters.rotation.RotationRecordsModule;
import dev.agentauth.adapters.scheduling.RunLedgerModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.accounts.AccountsModule;
import dev.agentauth.application.keys.ScheduledKeyRotation;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.lambda.JobMetrics;
import dev.agentauth.outbound.OutboundModule;
import java.time.Clock;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, RunLedgerModule.class, KeyManagementModule.class, RotationRecordsModule.class,
        ConnectionStoreModule.class, CredentialStoreModule.class, EventsModule.class, AuditModule.class, OutboundModule.class,
        CredentialCheckModule.class, ProviderCatalogModule.class, RefreshIndexModule.class, DynamoAccountsModule.class, KmsVaultModule.class, AccountsModule.class})
interface KeyRotatorComponent {
    ScheduledKeyRotation scheduledKeyRotation();

    JobMetrics metrics();

    Clock clock();

    static KeyRotatorComponent create(Environment environment) {
        return DaggerKeyRotatorComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
