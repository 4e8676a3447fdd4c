package dev.agentauth.local.gateway;

import dev.agentauth.domain.DomainException;
import dev.agentauth.domain.NotFoundException;
import dev.agentauth.http.ApiRequest;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.Problem;
import dev.agentauth.http.ProblemMapper;
import dev.agentauth.json.Json;
import dev.agentauth.local.LocalDeployment;
import dev.agentauth.local.schedule.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routes only the local runtime has, under {@code /_local/} (never in template.yaml):
 * <ul>
 *   <li>{@code POST /_local/token}: mints a development token ({@link TokenEndpoint});</li>
 *   <li>{@code GET /_local/jwks.json}: the local identity provider's public keys;</li>
 *   <li>{@code POST /_local/schedules/<FunctionId>}: runs a scheduled function now.</li>
 * </ul>
 */
final class DevelopmentEndpoints {

    static final String PREFIX = "/_local/";
    private static final String TOKEN_PATH = "/_local/token";
    private static final String JWKS_PATH = "/_local/jwks.json";
    private static final String SCHEDULES_PATH = "/_local/schedules/";

    private final LocalDeployment deployment;
    private final TokenIssuer issuer;
    private final TokenEndpoint tokens;

    DevelopmentEndpoints(LocalDeployment deployment, TokenIssuer issuer) {
        this.deployment = deployment;
        this.issuer = issuer;
        this.tokens = new TokenEndpoint(issuer);
    }

    GatewayResponse handle(GatewayRequest request, String requestId) {
        String path = request.rawPath();
        String method = request.method();
        try {
            if (path.equals(TOKEN_PATH) && method.equals("POST")) return answer(ApiResponse.ok(tokens.mint(apiRequest(request, requestId))), requestId);
            if (path.equals(JWKS_PATH) && method.equals("GET")) return answer(ApiResponse.ok(issuer.publicKeys().toJSONObject()), requestId);
            if (path.startsWith(SCHEDULES_PATH) && method.equals("POST")) return runSchedule(path.substring(SCHEDULES_PATH.length()), requestId);
            if (path.equals(TOKEN_PATH) || path.equals(JWKS_PATH) || path.startsWith(SCHEDULES_PATH)) {
                return answer(ProblemMapper.problem(new Problem("https://agentauth.dev/problems/method-not-allowed",
                        "Method not allowed", 405, method + " is not allowed on " + path, List.of())), requestId);
            }
            throw new NotFoundException("no local route " + method + " " + path);
        } catch (DomainException e) {
            return answer(ProblemMapper.toResponse(e, requestId), requestId);
        }
    }

    private static ApiRequest apiRequest(GatewayRequest request, String requestId) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        // a developer's `curl -d '{...}'` labels JSON as a form: this development endpoint reads JSON either way
        headers.put("content-type", "application/json");
        return new ApiRequest(request.method(), request.rawPath(), Map.of(), Map.of(), headers,
                new String(request.body(), StandardCharsets.UTF_8), requestId, null);
    }

    private GatewayResponse runSchedule(String functionId, String requestId) {
        boolean scheduled = deployment.template().schedules().stream().anyMatch(s -> s.functionId().equals(functionId));
        if (!scheduled) throw new NotFoundException(functionId + " has no Schedule or ScheduleV2 event in template.yaml");
        String response = new String(Scheduler.runNow(deployment, functionId), StandardCharsets.UTF_8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("function", functionId);
        body.put("response", response.isBlank() ? null : jsonOrText(response));
        return answer(ApiResponse.ok(body), requestId);
    }

    private static Object jsonOrText(String text) {
        try {
            return Json.parse(text);
        } catch (Json.MalformedJsonException notJson) {
            return text;
        }
    }

    private static GatewayResponse answer(ApiResponse response, String requestId) {
        return GatewayResponse.ofGateway(response, requestId);
    }
}
