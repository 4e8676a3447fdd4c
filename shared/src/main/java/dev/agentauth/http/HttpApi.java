package dev.agentauth.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentauth.application.audit.AuditLog;
import dev.agentauth.application.audit.AuditRecord;
import dev.agentauth.domain.DomainException;
import dev.agentauth.json.Json;
import dev.agentauth.lambda.RequestMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The request pipeline every HTTP handler runs: read the HTTP API event, check the caller's
 * permission, run the route, turn failures into problem+json, add the headers every response
 * carries, log one line and emit metrics. Handlers contain nothing else.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final Optional<AuditLog> audit;
    private final Clock clock;
    private final RequestMetrics metrics;

    @Inject
    public HttpApi(Optional<AuditLog> audit, Clock clock, RequestMetrics metrics) {
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void serve(InputStream input, OutputStream output, Context context, Permission required, Route route)
            throws IOException {
        long started = System.nanoTime();
        JsonNode event = HttpApiEvent.read(input);
        ApiRequest request = HttpApiEvent.parse(event);
        MDC.put("request_id", request.requestId());
        if (context != null) MDC.put("function_request_id", context.getAwsRequestId());
        ApiResponse response = respond(request, required, route);
        response = withStandardHeaders(response, request.requestId());
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info("{} -> {} in {} ms", routeKey(event), response.status(), elapsedMs);
        metrics.request(response.status(), elapsedMs);
        write(output, response);
        MDC.clear();
    }

    private ApiResponse respond(ApiRequest request, Permission required, Route route) {
        if (required != Permission.PUBLIC) {
            if (request.caller() == null) return ProblemMapper.unauthorized("a bearer token with a tenant_id claim is required");
            if (!request.caller().may(required.scope())) {
                auditDenied(request, required);
                return ProblemMapper.forbidden(required.scope());
            }
        }
        try {
            return route.handle(request);
        } catch (DomainException e) {
            return ProblemMapper.toResponse(e, request.requestId());
        } catch (RuntimeException e) {
            // logged with its class and stack, never returned to the caller
            LOG.error("request failed: {}", e.getClass().getName(), e);
            metrics.error(e.getClass().getSimpleName());
            return ProblemMapper.internalError(request.requestId());
        }
    }

    private void auditDenied(ApiRequest request, Permission required) {
        audit.ifPresent(log -> {
            try {
                log.record(new AuditRecord(clock.instant(), request.caller().actor(), request.caller().tenantId(),
                        "request.denied", request.method() + " " + request.path(), "denied", request.requestId(),
                        Map.of("required_scope", required.scope())));
            } catch (RuntimeException e) {
                LOG.error("could not audit a denied request: {}", e.getClass().getName(), e);
            }
        });
    }

    private static ApiResponse withStandardHeaders(ApiResponse response, String requestId) {
        // no-referrer everywhere: the OAuth callback page must never leak its URL (code, state) onward
        return response.withHeader("Cache-Control", "no-store").withHeader("X-Request-Id", requestId)
                .withHeader("Referrer-Policy", "no-referrer");
    }

    private static String routeKey(JsonNode event) {
        return event.path("routeKey").asText(event.path("rawPath").asText("?"));
    }

    private static void write(OutputStream output, ApiResponse response) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statusCode", response.status());
        out.put("headers", response.headers());
        out.put("body", response.body() == null ? "" : response.body());
        out.put("isBase64Encoded", false);
        output.write(Json.write(out).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        output.flush();
    }
}
