package dev.agentauth.application.testing;

import dev.agentauth.application.outbound.OutboundFailure;
import dev.agentauth.application.outbound.ProviderHttp;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

/** Shared steps of the checks: timing and the URL check through the outbound guard. */
final class Checks {

    private Checks() {}

    static CheckResult timed(Supplier<CheckResult> check) {
        long started = System.nanoTime();
        CheckResult result = check.get();
        return result.took((System.nanoTime() - started) / 1_000_000);
    }

    /** A configured URL parsed and checked by the guard: the URI, or the failed check. */
    static Result<URI> url(ProviderHttp http, String check, String what, String url) {
        if (url == null || url.isBlank()) {
            return Result.failed(CheckResult.failed(check, FailureCause.MISSING_SETTINGS, what + " is not set", 0));
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return Result.failed(CheckResult.failed(check, FailureCause.INCORRECT_ENDPOINT_URL, what + " is not a valid URL", 0));
        }
        try {
            http.verifyTarget(uri);
            return Result.ok(uri);
        } catch (OutboundFailure failure) {
            return Result.failed(ProviderAnswers.failure(check, what, failure, 0));
        }
    }

    /** A value or the check that failed while producing it. */
    record Result<T>(Optional<T> value, Optional<CheckResult> failure) {
        static <T> Result<T> ok(T value) {
            return new Result<>(Optional.of(value), Optional.empty());
        }

        static <T> Result<T> failed(CheckResult failure) {
            return new Result<>(Optional.empty(), Optional.of(failure));
        }
    }
}
