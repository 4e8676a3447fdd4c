package dev.agentauth.functions.accounts;

import dagger.Component;
import dev.agentauth.adapters.connections.ConnectionStoreModule;
import dev.agentauth.adapters.secrets.CredentialStoreModule;
import dev.agentauth.application.connections.ConnectionRepository;
import dev.agentauth.application.credentials.CredentialStore;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import javax.inject.Singleton;

/** The production connection store and credential store, for seeding test connections. */
@Singleton
@Component(modules = {ConfigurationModule.class, ConnectionStoreModule.class, CredentialStoreModule.class})
interface SeedComponent {
    ConnectionRepository connections();

    CredentialStore credentials();

    static SeedComponent create(Environment environment) {
        return DaggerSeedComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
