package dev.agentauth.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void buildsAPayloadV2EventLikeApiGateway() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Custom", List.of("a", "b"));
        headers.put("Cookie", List.of("session=1; theme=dark"));
        GatewayRequest request = new GatewayRequest("GET", "/v1/providers/slack", "limit=10&tag=a%20b&tag=c", headers,
                "{}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1", "127.0.0.1:3000");

        JsonNode event = HttpApiEvents.build(request, "GET /v1/providers/{key}", Map.of("key", "slack"), "req-1",
                Map.of("tenant_id", "t1", "scope", "connections:read", "aud", List.of("x", "y")), List.of("connections:read"), NOW);

        assertEquals("2.0", event.path("version").asText());
        assertEquals("GET /v1/providers/{key}", event.path("routeKey").asText());
        assertEquals("a,b", event.path("headers").path("x-custom").asText());
        assertFalse(event.path("headers").has("cookie"));
        assertEquals(List.of("session=1", "theme=dark"), List.of(event.path("cookies").get(0).asText(), event.path("cookies").get(1).asText()));
        assertEquals("a b,c", event.path("queryStringParameters").path("tag").asText());
        assertEquals("slack", event.path("pathParameters").path("key").asText());
        assertEquals("req-1", event.path("requestContext").path("requestId").asText());
        assertEquals("GET", event.path("requestContext").path("http").path("method").asText());
        assertEquals("t1", event.path("requestContext").path("authorizer").path("jwt").path("claims").path("tenant_id").asText());
        assertEquals("[x y]", event.path("requestContext").path("authorizer").path("jwt").path("claims").path("aud").asText());
        assertEquals("{}", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
    }

    @Test
    void base64EncodesABinaryBodyAndOmitsTheAuthorizerOnOpenRoutes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        GatewayRequest request = new GatewayRequest("POST", "/upload", null, Map.of("Content-Type", List.of("image/png")),
                png, "127.0.0.1", "HTTP/1.1", "127.0.0.1:3000");

        JsonNode event = HttpApiEvents.build(request, "$default", Map.of(), "req-2", null, List.of(), NOW);

        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertEquals(Base64.getEncoder().encodeToString(png), event.path("body").asText());
        assertTrue(event.path("requestContext").path("authorizer").isMissingNode());
    }

    @Test
    void translatesAFunctionResponseBackToHttp() {
        String payload = """
                {"statusCode":201,"headers":{"Content-Type":"application/json","ETag":"\\"3\\""},
                 "cookies":["a=1"],"body":"{\\"id\\":\\"conn_1\\"}","isBase64Encoded":false}""";

        GatewayResponse response = GatewayResponse.fromFunction(payload.getBytes(StandardCharsets.UTF_8));

        assertEquals(201, response.status());
        assertEquals(List.of("\"3\""), response.headers().get("ETag"));
        assertEquals(List.of("a=1"), response.headers().get("Set-Cookie"));
        assertEquals("{\"id\":\"conn_1\"}", new String(response.body(), StandardCharsets.UTF_8));
    }
}
