package dev.agentauth.application.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the account flows need of an OAuth connection (its template values already applied).
 * Holds no secret: the client secret is fetched by the token endpoint only when it calls.
 */
public record OAuthClient(
        String tenantId,
        String connectionId,
        boolean active,
        String clientId,
        String authorizationUrl,
        String tokenUrl,
        String revocationUrl,
        String redirectUri,
        List<String> scopes,
        boolean pkce,
        String tokenEndpointAuthMethod,
        Map<String, String> extraAuthorizationParams,
        String scopeSeparator,
        List<String> allowedReturnUrls,
        Duration refreshBuffer,
        Duration defaultTokenExpiry,
        String issuer,
        String tokenStorage,
        boolean supportsClientCredentials) {

    public static final String CLIENT_SECRET_POST = "client_secret_post";
    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";

    public OAuthClient {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        extraAuthorizationParams = extraAuthorizationParams == null ? Map.of() : Map.copyOf(extraAuthorizationParams);
        allowedReturnUrls = allowedReturnUrls == null ? List.of() : List.copyOf(allowedReturnUrls);
        scopeSeparator = scopeSeparator == null ? " " : scopeSeparator;
        tokenEndpointAuthMethod = tokenEndpointAuthMethod == null ? CLIENT_SECRET_POST : tokenEndpointAuthMethod;
        refreshBuffer = refreshBuffer == null ? Duration.ofMinutes(5) : refreshBuffer;
        tokenStorage = tokenStorage == null ? "vault" : tokenStorage;
    }
}
