package dev.agentauth.functions.notfound;

import dagger.Component;
import dev.agentauth.config.ConfigurationModule;
import dev.agentauth.config.Environment;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.HttpModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = {ConfigurationModule.class, HttpModule.class})
interface RouteNotFoundComponent {
    HttpApi api();

    static RouteNotFoundComponent create(Environment environment) {
        return DaggerRouteNotFoundComponent.builder().configurationModule(new ConfigurationModule(environment)).build();
    }
}
