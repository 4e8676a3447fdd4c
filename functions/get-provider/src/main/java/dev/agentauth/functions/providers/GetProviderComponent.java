package dev.agentauth.functions.providers;

import dagger.Component;
import dev.agentauth.adapters.catalog.ProviderCatalogModule;
import dev.agentauth.application.provider.ProviderCatalog;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class, ProviderCatalogModule.class})
interface GetProviderComponent {
    HttpApi api();

    ProviderCatalog catalog();

    static GetProviderComponent create(Environment environment) {
        return DaggerGetProviderComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
