package dev.agentauth.application.provider;

import dev.agentauth.domain.provider.ProviderTemplate;
import java.util.List;
import java.util.Optional;

/** Port: the provider templates this deployment knows. */
public interface ProviderCatalog {
    List<ProviderTemplate> all();

    Optional<ProviderTemplate> find(String key);
}
