package dev.agentauth.application.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.ProviderResponse;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.AuthType;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.KeyPlacement;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.connection.Verification;
import dev.agentauth.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;

/**
 * Tests a candidate credential with one request through the guarded outbound client, only to
 * the connection's own endpoints:
 * <ul>
 *   <li>an OAuth client secret at the token endpoint with the client credentials grant: the
 *       provider authenticating the client is what counts, so {@code unauthorized_client},
 *       {@code unsupported_grant_type} or {@code invalid_scope} pass and {@code invalid_client}
 *       (or 401) fails as invalid credentials;</li>
 *   <li>an API key with the connection's verification request (default {@code GET} on the base
 *       URL), placed as the connection says.</li>
 * </ul>
 * Provider bodies are read for their error code only, never echoed.
 */
public final class ProviderCredentialCheck implements CredentialCheck {

    private static final Set<String> CLIENT_AUTHENTICATED = Set.of("unauthorized_client", "unsupported_grant_type",
            "invalid_scope", "invalid_grant", "invalid_request");

    private final ProviderHttp http;

    @Inject
    public ProviderCredentialCheck(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public Result check(Connection connection, SecretValue candidate) {
        RequestPolicy policy = RequestPolicy.defaults()
                .withTimeout(Duration.ofSeconds(Math.max(1, Math.min(30, connection.settings().timeout()))));
        try {
            return connection.authType() == AuthType.OAUTH2
                    ? checkClientSecret(connection.oauth(), candidate, policy)
                    : checkApiKey(connection.apiKey(), connection.verification(), candidate, policy);
        } catch (OutboundFailure e) {
            return Result.fail(switch (e.kind()) {
                case TARGET_NOT_ALLOWED -> "target not allowed: " + e.detail();
                case MALFORMED_TARGET, UNKNOWN_HOST -> "incorrect endpoint URL: " + e.detail();
                default -> "provider unreachable: " + e.detail();
            });
        } catch (IllegalArgumentException e) {
            return Result.fail("incorrect endpoint URL");
        }
    }

    private Result checkClientSecret(OAuthConfig oauth, SecretValue secret, RequestPolicy policy) throws OutboundFailure {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        ProviderRequest request;
        if (oauth.tokenEndpointAuthMethod() == TokenEndpointAuthMethod.CLIENT_SECRET_BASIC) {
            request = ProviderRequest.postForm(URI.create(oauth.tokenUrl()), form)
                    .withHeader("Authorization", "Basic " + basic(oauth.clientId(), secret.reveal()));
        } else {
            form.put("client_id", oauth.clientId());
            form.put("client_secret", secret.reveal());
            request = ProviderRequest.postForm(URI.create(oauth.tokenUrl()), form);
        }
        request = request.withHeader("Accept", "application/json");
        ProviderResponse response = http.send(request, policy);
        if (response.successful()) return Result.pass();
        String error = errorCode(response);
        if ("invalid_client".equals(error) || response.status() == 401) return Result.fail("invalid credentials");
        if (response.status() == 400 && CLIENT_AUTHENTICATED.contains(error)) return Result.pass();
        return failureFor(response.status());
    }

    private Result checkApiKey(ApiKeyConfig apiKey, Verification verification, SecretValue key, RequestPolicy policy)
            throws OutboundFailure {
        String method = verification == null ? "GET" : verification.method();
        String target = verification == null || verification.path() == null ? apiKey.baseUrl()
                : apiKey.baseUrl().replaceAll("/+$", "") + "/" + verification.path().replaceAll("^/+", "");
        String value = (apiKey.prefix() == null ? "" : apiKey.prefix()) + key.reveal();
        ProviderRequest request;
        if (apiKey.placement() == KeyPlacement.QUERY) {
            String separator = target.contains("?") ? "&" : "?";
            request = ProviderRequest.of(method, URI.create(target + separator + encode(apiKey.name()) + "=" + encode(value)));
        } else {
            request = ProviderRequest.of(method, URI.create(target)).withHeader(apiKey.name(), value);
        }
        ProviderResponse response = http.send(request, policy);
        int expected = verification == null ? 0 : verification.expectedStatus();
        if (expected == 0 ? response.successful() : response.status() == expected) return Result.pass();
        return failureFor(response.status());
    }

    private static Result failureFor(int status) {
        if (status == 401 || status == 403) return Result.fail("invalid credentials");
        if (status == 429) return Result.fail("rate limited");
        if (status == 404) return Result.fail("incorrect endpoint URL");
        if (status >= 500) return Result.fail("provider unavailable (HTTP " + status + ")");
        return Result.fail("the provider refused the credential (HTTP " + status + ")");
    }

    private static String errorCode(ProviderResponse response) {
        try {
            JsonNode body = Json.parse(response.bodyText());
            return body.path("error").asText("");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String basic(String clientId, String secret) {
        String pair = encode(clientId) + ":" + encode(secret);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
