package dev.agentauth.http;

import dev.agentauth.domain.BadRequestException;
import dev.agentauth.domain.ConflictException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.domain.PayloadTooLargeException;
import dev.agentauth.domain.PreconditionFailedException;
import dev.agentauth.domain.ProviderUnavailableException;
import dev.agentauth.domain.RateLimitedException;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where failures become HTTP answers. A domain exception says what the user can
 * act on; anything else is a 500 that names only the request id (never a library message).
 */
public final class ProblemMapper {

    private static final String TYPE_BASE = "https://agentauth.dev/problems/";

    private ProblemMapper() {}

    public static ApiResponse toResponse(Throwable failure, String requestId) {
        return switch (failure) {
            case ValidationException e -> problem(new Problem(TYPE_BASE + "validation", "Validation failed", 422,
                    e.getMessage(), e.errors()));
            case BadRequestException e -> problem(typed("bad-request", "Bad request", 400, e.getMessage()));
            case NotFoundException e -> problem(typed("not-found", "Not found", 404, e.getMessage()));
            case ConflictException e -> problem(typed("conflict", "Conflict", 409, e.getMessage()));
            case PreconditionFailedException e -> problem(typed("precondition-failed", "Precondition failed", 412, e.getMessage()));
            case PayloadTooLargeException e -> problem(typed("payload-too-large", "Payload too large", 413, e.getMessage()));
            case RateLimitedException e -> problem(typed("rate-limited", "Too many requests", 429, e.getMessage()))
                    .withHeader("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            case ProviderUnavailableException e -> problem(typed("provider-unavailable", "Provider unavailable", 503, e.getMessage()))
                    .withHeader("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            default -> internalError(requestId);
        };
    }

    public static ApiResponse unauthorized(String detail) {
        return problem(typed("unauthorized", "Unauthorized", 401, detail)).withHeader("WWW-Authenticate", "Bearer");
    }

    public static ApiResponse forbidden(String scope) {
        return problem(typed("forbidden", "Forbidden", 403, "this route requires the scope " + scope));
    }

    public static ApiResponse internalError(String requestId) {
        return problem(typed("internal", "Internal error", 500,
                "the request failed; quote request id " + requestId + " when reporting it"));
    }

    public static ApiResponse problem(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("errors", problem.errors());
        return new ApiResponse(problem.status(), Map.of("Content-Type", "application/problem+json"), Json.write(body));
    }

    private static Problem typed(String type, String title, int status, String detail) {
        return new Problem(TYPE_BASE + type, title, status, detail, java.util.List.of());
    }
}
