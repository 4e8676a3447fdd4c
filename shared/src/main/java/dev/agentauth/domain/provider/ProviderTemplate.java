package dev.agentauth.domain.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider template (data file under {@code providers/}): the URLs, scopes and defaults that
 * fill whatever a connection request leaves out, and what proves that credentials work.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProviderTemplate(
        String key,
        String displayName,
        List<String> authTypes,
        List<String> defaultScopes,
        List<Scope> scopes,
        String authorizationUrl,
        String tokenUrl,
        String revocationUrl,
        String apiBaseUrl,
        String issuer,
        Boolean pkce,
        String tokenEndpointAuthMethod,
        Boolean supportsClientCredentials,
        Map<String, String> extraAuthorizationParams,
        List<List<String>> forbiddenScopeCombinations,
        String scopeSeparator,
        ApiKeyDefaults apiKey,
        Verification verification,
        Map<String, Object> settings) {

    public ProviderTemplate {
        authTypes = authTypes == null ? List.of() : List.copyOf(authTypes);
        defaultScopes = defaultScopes == null ? List.of() : List.copyOf(defaultScopes);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        extraAuthorizationParams = extraAuthorizationParams == null ? Map.of() : Map.copyOf(extraAuthorizationParams);
        forbiddenScopeCombinations = forbiddenScopeCombinations == null ? List.of() : List.copyOf(forbiddenScopeCombinations);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        scopeSeparator = scopeSeparator == null ? " " : scopeSeparator;
        pkce = pkce == null ? Boolean.TRUE : pkce;
        supportsClientCredentials = supportsClientCredentials != null && supportsClientCredentials;
    }

    /** {@code custom} has no catalogue: any scope is accepted and URLs must be given explicitly. */
    public boolean isCustom() {
        return "custom".equals(key);
    }

    public boolean supports(String authType) {
        return authTypes.contains(authType);
    }

    public Optional<Scope> scope(String name) {
        return scopes.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Scope(String name, String description, String access) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApiKeyDefaults(String baseUrl, String placement, String name, String prefix) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Verification(String method, String path, Integer expectedStatus) {}
}
