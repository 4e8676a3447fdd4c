package dev.agentauth.local.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentauth.local.ProjectRoot;
import dev.agentauth.local.template.CfnYaml;
import dev.agentauth.local.template.HttpRoute;
import dev.agentauth.local.template.Template;
import dev.agentauth.local.template.Template.Nodes;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.yaml and template.yaml describe the same API: the same routes with the same scopes. */
class OpenApiGuardTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final Path root = ProjectRoot.find();

    @Test
    void openApiAndTemplateListTheSameRoutesWithTheSameScopes() {
        assertEquals(templateRoutes(), openApiRoutes());
    }

    /** "GET /v1/providers" → its scopes ("" for a route without an authorizer). */
    private Map<String, Set<String>> templateRoutes() {
        Map<String, Set<String>> routes = new TreeMap<>();
        for (HttpRoute route : Template.load(root.resolve("template.yaml")).httpRoutes()) {
            if (route.path().equals("$default")) continue;
            routes.put(route.method() + " " + route.path(), route.requiresToken() ? new TreeSet<>(route.scopes()) : Set.of());
        }
        return routes;
    }

    private Map<String, Set<String>> openApiRoutes() {
        Map<String, Object> document = CfnYaml.read(root.resolve("openapi.yaml"));
        Object defaultSecurity = document.get("security");
        Map<String, Set<String>> routes = new TreeMap<>();
        Nodes.map(document.get("paths")).forEach((path, item) -> Nodes.map(item).forEach((method, operation) -> {
            if (!METHODS.contains(method)) return;
            Object security = Nodes.map(operation).containsKey("security") ? Nodes.map(operation).get("security") : defaultSecurity;
            Set<String> scopes = new TreeSet<>();
            for (Object requirement : Nodes.list(security)) {
                Nodes.map(requirement).values().forEach(s -> scopes.addAll(Nodes.strings(s)));
            }
            routes.put(method.toUpperCase(Locale.ROOT) + " " + path, scopes);
        }));
        return routes;
    }
}
