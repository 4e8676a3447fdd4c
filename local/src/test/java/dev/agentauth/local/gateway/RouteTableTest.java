package dev.agentauth.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentauth.local.template.HttpRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(List.of(
            route("GET", "/v1/connections", "List"),
            route("GET", "/v1/connections/{id}", "Get"),
            route("GET", "/v1/connections/search", "Search"),
            route("ANY", "/v1/connections/{id}", "AnyOnOne"),
            route("GET", "/files/{path+}", "Files"),
            route("ANY", "$default", "Fallback")));

    @Test
    void prefersLiteralSegmentsOverParameters() {
        assertEquals("Search", table.match("GET", "/v1/connections/search").orElseThrow().route().functionId());
    }

    @Test
    void capturesDecodedPathParameters() {
        RouteTable.Match match = table.match("GET", "/v1/connections/conn%5F1").orElseThrow();

        assertEquals("Get", match.route().functionId());
        assertEquals(Map.of("id", "conn_1"), match.pathParameters());
    }

    @Test
    void prefersTheRoutesOwnMethodOverAny() {
        assertEquals("Get", table.match("GET", "/v1/connections/c1").orElseThrow().route().functionId());
        assertEquals("AnyOnOne", table.match("DELETE", "/v1/connections/c1").orElseThrow().route().functionId());
    }

    @Test
    void greedyParameterTakesTheRestOfThePath() {
        RouteTable.Match match = table.match("GET", "/files/a/b/c.txt").orElseThrow();

        assertEquals(Map.of("path", "a/b/c.txt"), match.pathParameters());
    }

    @Test
    void defaultRouteCatchesEverythingElse() {
        assertEquals("Fallback", table.match("POST", "/v1/connections").orElseThrow().route().functionId());
        assertEquals("Fallback", table.match("GET", "/v1/connections/c1/extra").orElseThrow().route().functionId());
        assertTrue(new RouteTable(List.of(route("GET", "/a", "A"))).match("GET", "/b").isEmpty());
    }

    private static HttpRoute route(String method, String path, String function) {
        return new HttpRoute(method, path, function, "NONE", List.of());
    }
}
