package dev.agentauth.application.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.ProviderResponse;
import dev.agentauth.json.Json;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what a provider said without repeating it: statuses, OAuth error codes (a short token,
 * never {@code error_description}) and Retry-After. Turns outbound failures into causes.
 */
final class ProviderAnswers {

    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private ProviderAnswers() {}

    /** The JSON object of a provider answer, or an empty object when it is not JSON. */
    static JsonNode json(ProviderResponse response) {
        try {
            JsonNode node = Json.parse(response.bodyText());
            return node != null && node.isObject() ? node : Json.object();
        } catch (RuntimeException notJson) {
            return Json.object();
        }
    }

    /** The OAuth {@code error} code when it is a plain token; anything else is not repeated. */
    static Optional<String> oauthError(JsonNode body) {
        JsonNode error = body.path("error");
        if (!error.isTextual() || !ERROR_CODE.matcher(error.asText()).matches()) return Optional.empty();
        return Optional.of(error.asText());
    }

    /** The failure a status stands for when it is one of the generic ones (429, 5xx). */
    static Optional<CheckResult> generic(String check, String what, ProviderResponse response, Clock clock, long millis) {
        int status = response.status();
        if (status == 429) {
            String wait = response.retryAfter(clock).map(d -> "; retry after " + d.toSeconds() + " s").orElse("; retry later");
            return Optional.of(CheckResult.failed(check, FailureCause.RATE_LIMITED,
                    what + " answered HTTP 429 Too Many Requests" + wait, millis));
        }
        if (status >= 500) {
            return Optional.of(CheckResult.failed(check, FailureCause.PROVIDER_ERROR,
                    what + " answered HTTP " + status + "; check the provider's status page and test again", millis));
        }
        return Optional.empty();
    }

    static CheckResult failure(String check, String what, OutboundFailure failure, long millis) {
        FailureCause cause = switch (failure.kind()) {
            case MALFORMED_TARGET, UNKNOWN_HOST, TOO_MANY_REDIRECTS -> FailureCause.INCORRECT_ENDPOINT_URL;
            case TARGET_NOT_ALLOWED, REDIRECT_NOT_ALLOWED -> FailureCause.TARGET_NOT_ALLOWED;
            case UNREACHABLE, TIMEOUT, TLS_FAILURE, PROTOCOL_ERROR, INTERRUPTED -> FailureCause.PROVIDER_UNREACHABLE;
            case RESPONSE_TOO_LARGE -> FailureCause.PROVIDER_ERROR;
        };
        return CheckResult.failed(check, cause, what + ": " + failure.detail(), millis);
    }
}
