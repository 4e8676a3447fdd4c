package dev.agentauth.application.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.accounts.TokenEndpoint.Failure;
import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.ProviderResponse;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.application.outbound.RetryPolicy;
import dev.agentauth.domain.account.TokenSet;
import dev.agentauth.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * RFC 6749 token requests (authorization code with PKCE, refresh, client credentials) and
 * RFC 7009 revocation through the guarded outbound client. Token calls are never retried
 * automatically: a retried refresh could replay a rotated refresh token and get the whole
 * token family revoked; the caller's back-off handles transient failures instead.
 */
public final class OAuthTokenClient implements TokenEndpoint {

    private static final Set<String> DEAD_GRANT = Set.of("invalid_grant", "invalid_refresh_token", "token_revoked", "token_expired");
    static final RequestPolicy POLICY = RequestPolicy.defaults().withRetry(RetryPolicy.none()).withMaxRedirects(0)
            .withTimeout(Duration.ofSeconds(10)).withTotalBudget(Duration.ofSeconds(10))
            .withMaxResponseBytes(256 * 1024);

    private final ProviderHttp http;
    private final ClientSecrets clients;
    private final Clock clock;

    @Inject
    public OAuthTokenClient(ProviderHttp http, ClientSecrets clients, Clock clock) {
        this.http = http;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public TokenSet exchangeCode(OAuthClient client, String code, Optional<String> verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", client.redirectUri());
        verifier.ifPresent(v -> form.put("code_verifier", v));
        return tokenCall(client, form, List.of());
    }

    @Override
    public TokenSet refresh(OAuthClient client, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokenCall(client, form, List.of());
    }

    @Override
    public TokenSet clientCredentials(OAuthClient client, List<String> scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) form.put("scope", String.join(client.scopeSeparator(), scopes));
        return tokenCall(client, form, scopes);
    }

    @Override
    public boolean revoke(OAuthClient client, String token, String tokenTypeHint) {
        if (client.revocationUrl() == null) return false;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", tokenTypeHint);
        try {
            return http.send(authenticated(client, URI.create(client.revocationUrl()), form), POLICY).successful();
        } catch (OutboundFailure e) {
            return false;
        }
    }

    private TokenSet tokenCall(OAuthClient client, Map<String, String> form, List<String> requestedScopes) {
        ProviderResponse response;
        try {
            response = http.send(authenticated(client, URI.create(client.tokenUrl()), form), POLICY);
        } catch (OutboundFailure e) {
            Failure failure = switch (e.kind()) {
                case MALFORMED_TARGET, TARGET_NOT_ALLOWED, REDIRECT_NOT_ALLOWED, TOO_MANY_REDIRECTS, RESPONSE_TOO_LARGE -> Failure.REJECTED;
                default -> Failure.TRANSIENT;
            };
            throw new TokenEndpointException(failure, "the token endpoint could not be reached (" + e.detail() + ")", null);
        }
        if (response.status() == 429 || response.status() >= 500) {
            throw new TokenEndpointException(Failure.TRANSIENT, "the token endpoint answered " + response.status(),
                    response.retryAfter(clock).orElse(null));
        }
        JsonNode body = parse(response);
        String error = body.path("error").asText("");
        if (!response.successful() || !error.isEmpty() || !body.path("access_token").isTextual()) {
            Failure failure = DEAD_GRANT.contains(error) ? Failure.INVALID_GRANT : Failure.REJECTED;
            // only the RFC 6749 error code is repeated, never the provider's description
            String code = error.matches("[a-z_]{1,64}") ? error : "no access token";
            throw new TokenEndpointException(failure, "the token endpoint refused the request (" + code + ")", null);
        }
        List<String> scopes = body.path("scope").isTextual() && !body.path("scope").asText().isBlank()
                ? Arrays.stream(body.path("scope").asText().split("[ ,]+")).filter(s -> !s.isBlank()).toList()
                : requestedScopes;
        long expiresIn = body.path("expires_in").asLong(0);
        return new TokenSet(body.path("access_token").asText(),
                body.path("refresh_token").isTextual() ? body.path("refresh_token").asText() : null,
                body.path("token_type").asText("Bearer"),
                expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                scopes);
    }

    private static JsonNode parse(ProviderResponse response) {
        try {
            JsonNode node = Json.parse(response.bodyText());
            return node.isObject() ? node : Json.object();
        } catch (Json.MalformedJsonException e) {
            return Json.object();
        }
    }

    private ProviderRequest authenticated(OAuthClient client, URI target, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        String secret = clients.clientSecret(client);
        ProviderRequest request;
        if (OAuthClient.CLIENT_SECRET_BASIC.equals(client.tokenEndpointAuthMethod())) {
            // RFC 6749 2.3.1: both parts form-urlencoded before base64
            String credentials = encode(client.clientId()) + ":" + encode(secret);
            request = ProviderRequest.postForm(target, body).withHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", client.clientId());
            body.put("client_secret", secret);
            request = ProviderRequest.postForm(target, body);
        }
        return request.withHeader("Accept", "application/json");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
