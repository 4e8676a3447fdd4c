package dev.agentauth.functions.refresher;

import dagger.Component;
import dev.agentauth.adapters.accounts.DynamoAccountsModule;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.events.EventsModule;
import dev.agentauth.adapters.kms.KmsVaultModule;
import dev.agentauth.adapters.refresh.DueAccountRefreshModule;
import dev.agentauth.adapters.refresh.RefreshIndexModule;
import dev.agentauth.adapters.scheduling.RunLedgerModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.accounts.AccountsModule;
import dev.agentauth.application.refresh.ScheduledRefresh;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.lambda.JobMetrics;
import dev.agentauth.outbound.OutboundModule;
import java.time.Clock;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, RunLedgerModule.class, RefreshIndexModule.class, DueAccountRefreshModule.class,
        ProviderCatalogModule.class, ConnectionStoreModule.class, CredentialStoreModule.class, DynamoAccountsModule.class,
        KmsVaultModule.class, AuditModule.class, EventsModule.class, OutboundModule.class, AccountsModule.class})
interface ScheduledRefresherComponent {
    ScheduledRefresh scheduledRefresh();

    JobMetrics metrics();

    Clock clock();

    static ScheduledRefresherComponent create(Environment environment) {
        return DaggerScheduledRefresherComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
