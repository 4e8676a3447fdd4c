package dev.agentauth.domain.connection;

/**
 * API-key configuration: the key (summarised), the API's base URL and how the key is sent
 * ({@code name} is the header or query parameter, {@code prefix} e.g. {@code "Bearer "}).
 */
public record ApiKeyConfig(CredentialSummary key, String baseUrl, KeyPlacement placement, String name, String prefix) {

    public ApiKeyConfig withKey(CredentialSummary summary) {
        return new ApiKeyConfig(summary, baseUrl, placement, name, prefix);
    }
}
