package dev.agentauth.local.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.local.LocalRuntime;
import dev.agentauth.local.gateway.TokenIssuer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the local API Gateway does before and around the functions: authorizer, routing, common headers. */
@ExtendWith(LocalRuntimeExtension.class)
class GatewaySystemIT {

    @Test
    void rejectsARequestWithoutTokenAsUnauthorized(ApiClient api) {
        ApiResult response = api.get("/v1/providers", null);

        assertEquals(401, response.status(), response::toString);
        assertEquals("application/problem+json", response.contentType());
        assertEquals("Bearer", response.header("WWW-Authenticate").orElseThrow());
    }

    @Test
    void rejectsATokenSignedByAnotherKeyAsUnauthorized(ApiClient api, LocalRuntime runtime) {
        TokenIssuer impostor = TokenIssuer.generate(runtime.baseUrl() + "/_local", LocalRuntime.AUDIENCE, Clock.systemUTC());
        String forged = impostor.mint("t1", List.of("connections:read"), "mallory");

        ApiResult response = api.get("/v1/providers", forged);

        assertEquals(401, response.status(), response::toString);
    }

    @Test
    void rejectsATokenWithoutTheRouteScopeAsForbidden(ApiClient api) {
        String token = api.token(LocalRuntimeExtension.newTenant(), "audit:read", "tokens:read");

        ApiResult response = api.get("/v1/providers", token);

        assertEquals(403, response.status(), response::toString);
        assertEquals("application/problem+json", response.contentType());
        assertTrue(response.json().path("detail").asText().contains("connections:read"));
    }

    @Test
    void answersAnUnknownRouteWithNotFoundProblemWithoutNeedingAToken(ApiClient api) {
        ApiResult response = api.get("/v1/no-such-route", null);

        assertEquals(404, response.status(), response::toString);
        assertEquals("application/problem+json", response.contentType());
        assertEquals("https://agentauth.dev/problems/not-found", response.json().path("type").asText());
    }

    @Test
    void putsRequestIdAndNoStoreOnEveryResponse(ApiClient api) {
        String reader = api.token(LocalRuntimeExtension.newTenant(), "connections:read");
        String auditor = api.token(LocalRuntimeExtension.newTenant(), "audit:read");
        List<ApiResult> responses = List.of(
                api.get("/v1/providers", reader),
                api.get("/v1/providers/slack", reader),
                api.get("/v1/providers/unknown", reader),
                api.get("/v1/providers", null),
                api.get("/v1/providers", auditor),
                api.get("/nowhere", null),
                api.post("/_local/token", null, Map.of("tenant_id", "t1")));

        for (ApiResult response : responses) {
            assertEquals("no-store", response.header("Cache-Control").orElse(null), response::toString);
            assertFalse(response.header("X-Request-Id").orElse("").isBlank(), response::toString);
        }
        assertNotEquals(responses.get(0).header("X-Request-Id"), responses.get(1).header("X-Request-Id"));
    }

    @Test
    void servesConcurrentRequestsEachToTheEnd(ApiClient api) {
        String token = api.token(LocalRuntimeExtension.newTenant(), "connections:read");

        List<Integer> statuses = java.util.stream.IntStream.range(0, 24).parallel()
                .mapToObj(i -> api.get(i % 2 == 0 ? "/v1/providers" : "/v1/providers/github", token).status())
                .toList();

        assertEquals(java.util.Collections.nCopies(24, 200), statuses);
    }

    @Test
    void publishesTheKeysThatSignDevelopmentTokens(ApiClient api) {
        ApiResult keys = api.get("/_local/jwks.json", null);

        assertEquals(200, keys.status(), keys::toString);
        assertEquals("RSA", keys.json().path("keys").path(0).path("kty").asText());
        assertFalse(keys.json().path("keys").path(0).has("d"), "the private key stays private");
    }

    @Test
    void runsOnlyScheduledFunctionsOnDemand(ApiClient api) {
        ApiResult notScheduled = api.post("/_local/schedules/ListProvidersFunction", null, Map.of());

        assertEquals(404, notScheduled.status(), notScheduled::toString);
        assertEquals("application/problem+json", notScheduled.contentType());
    }

    @Test
    void mintsDevelopmentTokensOnlyForATenant(ApiClient api) {
        ApiResult minted = api.post("/_local/token", null, Map.of("tenant_id", "t1", "scopes", List.of("connections:read")));
        ApiResult invalid = api.post("/_local/token", null, Map.of("scopes", List.of("connections:read", 7)));

        assertEquals(200, minted.status(), minted::toString);
        assertEquals("Bearer", minted.json().path("token_type").asText());
        assertEquals(3600, minted.json().path("expires_in").asInt());
        assertEquals(422, invalid.status(), invalid::toString);
        assertEquals(List.of("tenant_id", "scopes[1]"),
                invalid.json().path("errors").findValuesAsText("field"));
    }
}
