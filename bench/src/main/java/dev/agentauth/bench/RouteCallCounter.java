package dev.agentauth.bench;

import com.nimbusds.jwt.SignedJWT;
import dev.agentauth.json.Json;
import dev.agentauth.local.LocalRuntime;
import dev.agentauth.local.gateway.GatewayRequest;
import dev.agentauth.local.gateway.HttpApiEvents;
import dev.agentauth.local.gateway.RouteTable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How many AWS calls a request through the local runtime makes, counted by the SDK interceptor
 * (the bench's counter jar) without putting that interceptor into the runtime being timed: the
 * route's function is run from its own packaged artifact in a counting child JVM with the
 * environment the runtime gives it (same tables, key, bus, secrets, same emulator), on the
 * events the runtime's gateway builds for the requests (same path parameters, claims, headers,
 * body). The second request's count is the warm instance's.
 */
final class RouteCallCounter {

    record Counted(String functionId, String routeKey, Results.CallCount cold, Results.CallCount warm, String status) {}

    private final LocalRuntime runtime;
    private final ColdStartBench bench;
    private final Template template;
    private final RouteTable routes;
    private final Path directory;

    RouteCallCounter(LocalRuntime runtime, ColdStartBench bench, Template template, Path directory) {
        this.runtime = runtime;
        this.bench = bench;
        this.template = template;
        this.routes = new RouteTable(runtime.deployment().template().httpRoutes());
        this.directory = directory;
    }

    /** The function and route key the runtime sends this call to. */
    RouteTable.Match route(ApiCall call) {
        return routes.match(call.method(), call.path())
                .orElseThrow(() -> new IllegalStateException("no route for " + call.method() + " " + call.path()));
    }

    /** Counts requests {@code n} and {@code n + 1} of the call (so a create or an update stays unique). */
    Counted count(ApiCall call, String token, int n) throws IOException, InterruptedException {
        RouteTable.Match match = route(call);
        String functionId = match.route().functionId();
        Template.Function function = template.functions().stream().filter(f -> f.logicalId().equals(functionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no function " + functionId));
        List<String> lines = new ArrayList<>();
        for (int i = n; i < n + 2; i++) lines.add(Json.write(event(call, match, token, i)));
        Files.createDirectories(directory);
        Path events = directory.resolve(functionId + "-http-" + n + ".jsonl");
        Files.write(events, lines);
        ChildJvm.Result counted = bench.count(function, runtime.deployment().environmentOf(functionId), events);
        return new Counted(functionId, match.route().routeKey(), Results.CallCount.parse(counted.value("calls-first")),
                Results.CallCount.parse(counted.value("calls-second")), counted.value("status"));
    }

    private Object event(ApiCall call, RouteTable.Match match, String token, int n) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("Authorization", List.of("Bearer " + token));
        headers.put("User-Agent", List.of("Java-http-client/" + Runtime.version().feature()));
        call.headers().apply(n).forEach((name, value) -> headers.put(name, List.of(value)));
        String body = call.body().apply(n);
        URI base = URI.create(runtime.baseUrl());
        GatewayRequest request = new GatewayRequest(call.method(), call.path(), call.rawQuery().isEmpty() ? null : call.rawQuery(),
                headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1",
                base.getHost() + ":" + base.getPort());
        Map<String, Object> claims = claims(token);
        List<String> scopes = List.of(String.valueOf(claims.getOrDefault("scope", "")).split(" "));
        return HttpApiEvents.build(request, match.route().routeKey(), match.pathParameters(), UUID.randomUUID().toString(),
                claims, scopes, Instant.now());
    }

    private static Map<String, Object> claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            throw new IllegalStateException("the development token is not a JWT", e);
        }
    }
}
