package dev.agentauth.adapters.catalog;

import dagger.Module;
import dagger.Provides;
import dev.agentauth.application.provider.ProviderCatalog;
import javax.inject.Singleton;

@Module
public final class ProviderCatalogModule {
    private ProviderCatalogModule() {}

    @Provides
    @Singleton
    static ProviderCatalog catalog() {
        return new ClasspathProviderCatalog();
    }
}
