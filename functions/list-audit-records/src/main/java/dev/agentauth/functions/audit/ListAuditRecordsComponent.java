package dev.agentauth.functions.audit;

import dagger.Component;
import dev.agentauth.adapters.audit.AuditModule;
import dev.agentauth.application.audit.ListAuditRecords;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, AuditModule.class})
interface ListAuditRecordsComponent {
    HttpApi api();

    ListAuditRecords useCase();

    static ListAuditRecordsComponent create(Environment environment) {
        return DaggerListAuditRecordsComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
