package dev.agentauth.application.testing;

import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.ProviderHttp;
import dev.agentauth.application.outbound.ProviderRequest;
import dev.agentauth.application.outbound.ProviderResponse;
import dev.agentauth.application.outbound.RequestPolicy;
import dev.agentauth.domain.connection.ApiKeyConfig;
import dev.agentauth.domain.connection.Connection;
import dev.agentauth.domain.connection.KeyPlacement;
import dev.agentauth.domain.connection.SecretValue;
import dev.agentauth.domain.connection.Verification;
import dev.agentauth.domain.provider.ProviderTemplate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of an API-key connection: the base URL is well-formed and allowed, and the
 * verification request (the connection's, else the template's, else {@code GET} on the base
 * URL) succeeds with the key placed as configured. The key goes to the base URL's host only.
 */
final class ApiKeyChecks {

    static final String URLS = "endpoint_urls";
    static final String KEY = "api_key";

    private final ProviderHttp http;
    private final Clock clock;

    ApiKeyChecks(ProviderHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    List<CheckResult> run(Connection connection, Optional<ProviderTemplate> template, Optional<SecretValue> key,
                          RequestPolicy policy) {
        ApiKeyConfig config = connection.apiKey();
        Verification verification = verification(connection, template);
        List<CheckResult> results = new ArrayList<>();
        String baseUrl = config == null ? null : config.baseUrl();
        Checks.Result<URI> target = Checks.url(http, URLS, "the base URL", baseUrl == null ? null : join(baseUrl, verification.path()));
        results.add(target.failure().orElse(CheckResult.passed(URLS, "the base URL is a valid https URL of a public host", 0)));
        if (target.value().isEmpty()) {
            results.add(CheckResult.skipped(KEY, "skipped: the base URL is not usable"));
        } else if (key.isEmpty()) {
            results.add(CheckResult.failed(KEY, FailureCause.MISSING_SETTINGS, "the connection has no API key; set it and test again", 0));
        } else {
            results.add(Checks.timed(() -> verify(config, target.value().get(), verification, key.get(), policy)));
        }
        return results;
    }

    private CheckResult verify(ApiKeyConfig config, URI target, Verification verification, SecretValue key, RequestPolicy policy) {
        String name = config.name() == null || config.name().isBlank() ? "Authorization" : config.name();
        String value = (config.prefix() == null ? "" : config.prefix()) + key.reveal();
        ProviderRequest request = config.placement() == KeyPlacement.QUERY
                ? ProviderRequest.of(verification.method(), withQuery(target, name, value))
                : ProviderRequest.of(verification.method(), target).withHeader(name, value);
        String what = verification.method() + " " + (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath());
        ProviderResponse response;
        try {
            response = http.send(request.withHeader("Accept", "application/json"), policy);
        } catch (OutboundFailure failure) {
            return ProviderAnswers.failure(KEY, "the verification request " + what, failure, 0);
        }
        int status = response.status();
        if (status == verification.expectedStatus() || response.successful()) {
            return CheckResult.passed(KEY, "the provider accepted the API key (" + what + " answered HTTP " + status + ")", 0);
        }
        if (status == 401 || status == 403) {
            return CheckResult.failed(KEY, FailureCause.INVALID_CREDENTIALS, "the provider rejected the API key (" + what
                    + " answered HTTP " + status + "); check the key, its placement, name and prefix", 0);
        }
        if (status == 404 || status == 405) {
            return CheckResult.failed(KEY, FailureCause.INCORRECT_ENDPOINT_URL, what + " does not exist at the provider (HTTP "
                    + status + "); check the base URL and the verification path", 0);
        }
        return ProviderAnswers.generic(KEY, "the provider", response, clock, 0).orElse(CheckResult.failed(KEY,
                FailureCause.INCORRECT_ENDPOINT_URL, what + " answered HTTP " + status + " instead of "
                        + verification.expectedStatus() + "; check the base URL and the verification request", 0));
    }

    private static Verification verification(Connection connection, Optional<ProviderTemplate> template) {
        if (connection.verification() != null) return normalised(connection.verification());
        Optional<ProviderTemplate.Verification> fromTemplate = template.map(ProviderTemplate::verification);
        if (fromTemplate.isPresent()) {
            ProviderTemplate.Verification v = fromTemplate.get();
            return normalised(new Verification(v.method(), v.path(), v.expectedStatus() == null ? 200 : v.expectedStatus()));
        }
        return new Verification("GET", "", 200);
    }

    private static Verification normalised(Verification v) {
        String method = v.method() == null || v.method().isBlank() ? "GET" : v.method().toUpperCase(java.util.Locale.ROOT);
        int expected = v.expectedStatus() <= 0 ? 200 : v.expectedStatus();
        return new Verification(method, v.path() == null ? "" : v.path(), expected);
    }

    /** The verification path is relative to the base URL, never a URL of its own. */
    static String join(String baseUrl, String path) {
        String base = baseUrl.strip();
        if (path == null || path.isBlank()) return base;
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + (path.startsWith("/") ? path : "/" + path);
    }

    private static URI withQuery(URI target, String name, String value) {
        String parameter = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String query = target.getRawQuery() == null ? parameter : target.getRawQuery() + "&" + parameter;
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return URI.create(target.getScheme() + "://" + target.getRawAuthority() + path + "?" + query);
    }
}
