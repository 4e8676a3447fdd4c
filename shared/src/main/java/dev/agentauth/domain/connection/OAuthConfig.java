package dev.agentauth.domain.connection;

import java.util.Map;

/** OAuth 2.0 client configuration of a connection; the client secret is only summarised here. */
public record OAuthConfig(
        String clientId,
        CredentialSummary clientSecret,
        String redirectUri,
        String authorizationUrl,
        String tokenUrl,
        boolean pkce,
        TokenEndpointAuthMethod tokenEndpointAuthMethod,
        Map<String, String> extraAuthorizationParams) {

    public OAuthConfig {
        extraAuthorizationParams = extraAuthorizationParams == null ? Map.of() : Map.copyOf(extraAuthorizationParams);
    }

    public OAuthConfig withClientSecret(CredentialSummary summary) {
        return new OAuthConfig(clientId, summary, redirectUri, authorizationUrl, tokenUrl, pkce,
                tokenEndpointAuthMethod, extraAuthorizationParams);
    }
}
