package dev.agentauth.local.gateway;

import dev.agentauth.local.template.HttpRoute;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the route of a request as API Gateway HTTP APIs do: the most specific path wins
 * (literal segments over {@code {param}} over greedy {@code {proxy+}}), a route's own method
 * over {@code ANY}, and {@code $default} catches whatever nothing else matches.
 */
public final class RouteTable {

    private final List<HttpRoute> routes;
    private final Optional<HttpRoute> fallback;

    public RouteTable(List<HttpRoute> routes) {
        this.routes = routes.stream().filter(r -> !r.path().equals("$default")).toList();
        this.fallback = routes.stream().filter(r -> r.path().equals("$default")).findFirst();
    }

    /** A route chosen for a request, with the path parameters its template captured. */
    public record Match(HttpRoute route, Map<String, String> pathParameters) {}

    public Optional<Match> match(String method, String path) {
        List<String> segments = segments(path);
        List<Candidate> candidates = new ArrayList<>();
        for (HttpRoute route : routes) {
            if (!route.method().equals("ANY") && !route.method().equals(method)) continue;
            capture(segments(route.path()), segments).ifPresent(params -> candidates.add(new Candidate(route, params)));
        }
        return candidates.stream()
                .max(Comparator.comparing((Candidate c) -> specificity(c.route.path()), RouteTable::compareSpecificity)
                        .thenComparing(c -> !c.route.method().equals("ANY")))
                .map(c -> new Match(c.route, c.params))
                .or(() -> fallback.map(route -> new Match(route, Map.of())));
    }

    private record Candidate(HttpRoute route, Map<String, String> params) {}

    private static Optional<Map<String, String>> capture(List<String> template, List<String> actual) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= actual.size()) return Optional.empty();
                params.put(part.substring(1, part.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return Optional.of(params);
            }
            if (i >= actual.size()) return Optional.empty();
            String segment = actual.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segment.isEmpty()) return Optional.empty();
                params.put(part.substring(1, part.length() - 1), URLDecoder.decode(segment, StandardCharsets.UTF_8));
            } else if (!part.equals(segment)) {
                return Optional.empty();
            }
        }
        return template.size() == actual.size() ? Optional.of(params) : Optional.empty();
    }

    /** Per segment: 2 literal, 1 parameter, 0 greedy. */
    private static List<Integer> specificity(String template) {
        return segments(template).stream()
                .map(s -> s.endsWith("+}") ? 0 : s.startsWith("{") ? 1 : 2)
                .toList();
    }

    private static int compareSpecificity(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) return List.of();
        return List.of(trimmed.split("/", -1));
    }
}
