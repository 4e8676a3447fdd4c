package dev.agentauth.application.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.ProviderResponse;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.OAuthConfig;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.TokenEndpointAuthMethod;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of an OAuth 2.0 connection: its URLs are well-formed and allowed, its scopes are
 * known to the template, the authorization endpoint answers, and the client credentials are
 * accepted by the token endpoint. Credentials go to the token URL only.
 * <p>
 * Without a client-credentials grant there is no request that proves a client secret on its
 * own, so the check exchanges a deliberately invalid authorization code: a provider reports a
 * bad client ({@code invalid_client}, 401) before it looks at the code ({@code invalid_grant}),
 * so {@code invalid_grant} means the client authenticated.
 */
final class OAuthChecks {

    static final String URLS = "endpoint_urls";
    static final String SCOPES = "scopes";
    static final String AUTHORIZATION = "authorization_endpoint";
    static final String CLIENT = "client_credentials";

    private static final Set<String> BAD_CLIENT = Set.of("invalid_client", "unauthorized_client", "invalid_client_id",
            "bad_client_secret", "invalid_client_secret", "incorrect_client_credentials");
    private static final Set<String> BAD_CODE = Set.of("invalid_grant", "invalid_code", "bad_verification_code",
            "code_expired", "code_already_used", "invalid_authorization_code");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProviderHttp http;
    private final Clock clock;

    OAuthChecks(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    List<CheckResult> run(Connection connection, Optional<ProviderTemplate> template, Optional<SecretValue> secret,
                          RequestPolicy policy) {
        OAuthConfig oauth = connection.oauth();
        List<CheckResult> results = new ArrayList<>();
        Checks.Result<URI> authorization = Checks.url(http, URLS, "the authorization URL", oauth == null ? null : oauth.authorizationUrl());
        Checks.Result<URI> token = Checks.url(http, URLS, "the token URL", oauth == null ? null : oauth.tokenUrl());
        results.add(authorization.failure().or(token::failure)
                .orElse(CheckResult.passed(URLS, "the authorization and token URLs are valid https URLs of public hosts", 0)));
        results.add(scopes(connection, template));

        if (authorization.value().isEmpty()) {
            results.add(CheckResult.skipped(AUTHORIZATION, "skipped: the authorization URL is not usable"));
        } else {
            results.add(Checks.timed(() -> authorizationEndpoint(authorization.value().get(), policy)));
        }
        if (token.value().isEmpty()) {
            results.add(CheckResult.skipped(CLIENT, "skipped: the token URL is not usable"));
        } else if (secret.isEmpty() || oauth.clientId() == null || oauth.clientId().isBlank()) {
            results.add(CheckResult.failed(CLIENT, FailureCause.MISSING_SETTINGS,
                    "the connection has no client id or client secret; set both and test again", 0));
        } else {
            boolean clientCredentials = template.map(ProviderTemplate::supportsClientCredentials).orElse(false);
            results.add(Checks.timed(() -> clientCredentials
                    ? clientCredentialsGrant(connection, template, token.value().get(), secret.get(), policy)
                    : invalidCodeExchange(oauth, token.value().get(), secret.get(), policy)));
        }
        return results;
    }

    private static CheckResult scopes(Connection connection, Optional<ProviderTemplate> template) {
        if (template.isEmpty() || template.get().isCustom() || template.get().scopes().isEmpty()) {
            return CheckResult.passed(SCOPES, "the provider has no scope catalogue; scopes are checked by the provider", 0);
        }
        ProviderTemplate t = template.get();
        List<String> unknown = connection.scopes().stream().filter(s -> t.scope(s).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            return CheckResult.failed(SCOPES, FailureCause.INCORRECT_SCOPES,
                    "not scopes of " + t.displayName() + ": " + String.join(", ", unknown), 0);
        }
        for (List<String> combination : t.forbiddenScopeCombinations()) {
            if (connection.scopes().containsAll(combination)) {
                return CheckResult.failed(SCOPES, FailureCause.INCORRECT_SCOPES,
                        "these scopes cannot be requested together: " + String.join(", ", combination), 0);
            }
        }
        return CheckResult.passed(SCOPES, "all " + connection.scopes().size() + " scopes are known to " + t.displayName(), 0);
    }

    /** Any answer but a server error proves the endpoint is there; redirects (to a login page) are not followed. */
    private CheckResult authorizationEndpoint(URI uri, RequestPolicy policy) {
        try {
            ProviderResponse response = http.send(ProviderRequest.get(uri), policy.withMaxRedirects(0));
            return ProviderAnswers.generic(AUTHORIZATION, "the authorization endpoint", response, clock, 0)
                    .orElse(CheckResult.passed(AUTHORIZATION, "the authorization endpoint answered HTTP " + response.status(), 0));
        } catch (OutboundFailure failure) {
            return ProviderAnswers.failure(AUTHORIZATION, "the authorization URL", failure, 0);
        }
    }

    private CheckResult clientCredentialsGrant(Connection connection, Optional<ProviderTemplate> template, URI token,
                                               SecretValue secret, RequestPolicy policy) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        String separator = template.map(ProviderTemplate::scopeSeparator).orElse(" ");
        if (!connection.scopes().isEmpty()) form.put("scope", String.join(separator, connection.scopes()));
        ProviderResponse response;
        try {
            response = http.send(tokenRequest(connection.oauth(), token, secret, form), policy);
        } catch (OutboundFailure failure) {
            return ProviderAnswers.failure(CLIENT, "the token URL", failure, 0);
        }
        Optional<CheckResult> generic = ProviderAnswers.generic(CLIENT, "the token endpoint", response, clock, 0);
        if (generic.isPresent()) return generic.get();
        JsonNode body = ProviderAnswers.json(response);
        Optional<String> error = ProviderAnswers.oauthError(body);
        if (response.successful() && error.isEmpty() && body.path("access_token").isTextual()) {
            return grantedScopes(connection, body, separator);
        }
        return rejected(response, error, "the client credentials grant");
    }

    private CheckResult grantedScopes(Connection connection, JsonNode body, String separator) {
        // RFC 6749 5.1: scope is omitted when the grant equals the request
        if (!body.path("scope").isTextual()) {
            return CheckResult.passed(CLIENT, "the token endpoint accepted the client id and secret", 0);
        }
        Set<String> granted = new LinkedHashSet<>(Arrays.asList(body.path("scope").asText().split("[\\s" + java.util.regex.Pattern.quote(separator) + "]+")));
        List<String> missing = connection.scopes().stream().filter(s -> !granted.contains(s)).toList();
        if (!missing.isEmpty()) {
            return CheckResult.failed(CLIENT, FailureCause.INCORRECT_SCOPES,
                    "the client authenticated, but the provider did not grant: " + String.join(", ", missing), 0);
        }
        return CheckResult.passed(CLIENT, "the token endpoint accepted the client id and secret and granted every requested scope", 0);
    }

    private CheckResult invalidCodeExchange(OAuthConfig oauth, URI token, SecretValue secret, RequestPolicy policy) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", "agentauth-connection-test-" + randomToken(16));
        if (oauth.redirectUri() != null && !oauth.redirectUri().isBlank()) form.put("redirect_uri", oauth.redirectUri());
        if (oauth.pkce()) form.put("code_verifier", randomToken(32));
        ProviderResponse response;
        try {
            response = http.send(tokenRequest(oauth, token, secret, form), policy);
        } catch (OutboundFailure failure) {
            return ProviderAnswers.failure(CLIENT, "the token URL", failure, 0);
        }
        Optional<CheckResult> generic = ProviderAnswers.generic(CLIENT, "the token endpoint", response, clock, 0);
        if (generic.isPresent()) return generic.get();
        Optional<String> error = ProviderAnswers.oauthError(ProviderAnswers.json(response));
        if (error.isPresent() && BAD_CODE.contains(error.get())) {
            return CheckResult.passed(CLIENT, "the token endpoint authenticated the client (it rejected only the test's "
                    + "deliberately invalid authorization code)", 0);
        }
        return rejected(response, error, "the test's token request");
    }

    /** A token endpoint answer that is neither success nor a rejected test code. */
    private static CheckResult rejected(ProviderResponse response, Optional<String> error, String request) {
        int status = response.status();
        if (error.map(BAD_CLIENT::contains).orElse(false) || (status == 401 && error.isEmpty())) {
            return CheckResult.failed(CLIENT, FailureCause.INVALID_CREDENTIALS, "the token endpoint rejected the client id "
                    + "or secret (" + error.orElse("HTTP 401") + "); check both and the token endpoint auth method", 0);
        }
        if (error.filter("invalid_scope"::equals).isPresent()) {
            return CheckResult.failed(CLIENT, FailureCause.INCORRECT_SCOPES, "the token endpoint refused the requested scopes (invalid_scope)", 0);
        }
        if (error.filter("redirect_uri_mismatch"::equals).isPresent()) {
            return CheckResult.failed(CLIENT, FailureCause.INCORRECT_ENDPOINT_URL,
                    "the redirect URI is not registered with the provider (redirect_uri_mismatch)", 0);
        }
        if (status == 404 || status == 405 || error.isEmpty()) {
            return CheckResult.failed(CLIENT, FailureCause.INCORRECT_ENDPOINT_URL, "the token URL did not answer like an "
                    + "OAuth token endpoint (HTTP " + status + "); check the token URL", 0);
        }
        return CheckResult.failed(CLIENT, FailureCause.PROVIDER_ERROR, "the token endpoint refused " + request + " ("
                + error.get() + ", HTTP " + status + "); check the token URL and the token endpoint auth method", 0);
    }

    /** The client authenticates as the connection says: RFC 6749 2.3.1 Basic, or id and secret in the form. */
    private static ProviderRequest tokenRequest(OAuthConfig oauth, URI token, SecretValue secret, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        boolean basic = oauth.tokenEndpointAuthMethod() == TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
        if (!basic) {
            body.put("client_id", oauth.clientId());
            body.put("client_secret", secret.reveal());
        }
        ProviderRequest request = ProviderRequest.postForm(token, body).withHeader("Accept", "application/json");
        if (basic) {
            String pair = formEncode(oauth.clientId()) + ":" + formEncode(secret.reveal());
            request = request.withHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
