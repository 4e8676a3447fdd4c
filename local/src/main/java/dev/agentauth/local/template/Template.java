package dev.agentauth.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAM template as the local runtime needs it: its resources, its functions with their merged
 * Globals, HTTP routes and schedules. Values keep their intrinsic functions; a {@link Resolver}
 * turns them into local physical values.
 */
public final class Template {

    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private final Map<String, Object> document;

    private Template(Map<String, Object> document) {
        this.document = document;
    }

    public static Template load(Path file) {
        return new Template(CfnYaml.read(file));
    }

    public static Template of(Map<String, Object> document) {
        return new Template(document);
    }

    public Map<String, Object> document() {
        return document;
    }

    public Map<String, Object> parameters() {
        return Nodes.map(document.get("Parameters"));
    }

    public Map<String, Object> conditions() {
        return Nodes.map(document.get("Conditions"));
    }

    public Map<String, Object> mappings() {
        return Nodes.map(document.get("Mappings"));
    }

    /** The {@code Globals.Function} section (empty when absent). */
    public Map<String, Object> functionGlobals() {
        return Nodes.map(Nodes.map(document.get("Globals")).get("Function"));
    }

    public Map<String, Object> resources() {
        return Nodes.map(document.get("Resources"));
    }

    public Optional<Resource> resource(String logicalId) {
        Object definition = resources().get(logicalId);
        return definition == null ? Optional.empty() : Optional.of(new Resource(logicalId, Nodes.map(definition)));
    }

    public List<Resource> resourcesOfType(String type) {
        List<Resource> found = new ArrayList<>();
        resources().forEach((id, definition) -> {
            Resource resource = new Resource(id, Nodes.map(definition));
            if (type.equals(resource.type())) found.add(resource);
        });
        return found;
    }

    public List<FunctionDefinition> functions() {
        return resourcesOfType(FUNCTION_TYPE).stream().map(r -> FunctionDefinition.of(r, functionGlobals())).toList();
    }

    public Optional<FunctionDefinition> function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /** Every HttpApi route of every function, with the authorizer it ends up with (route's, else the API's default). */
    public List<HttpRoute> httpRoutes() {
        List<HttpRoute> routes = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            function.events().forEach((name, event) -> {
                Map<String, Object> definition = Nodes.map(event);
                if (!"HttpApi".equals(definition.get("Type"))) return;
                Map<String, Object> properties = Nodes.map(definition.get("Properties"));
                String method = String.valueOf(properties.getOrDefault("Method", "ANY")).toUpperCase(java.util.Locale.ROOT);
                String path = String.valueOf(properties.getOrDefault("Path", "$default"));
                Map<String, Object> auth = Nodes.map(properties.get("Auth"));
                String authorizer = auth.containsKey("Authorizer")
                        ? String.valueOf(auth.get("Authorizer"))
                        : defaultAuthorizer(properties.get("ApiId")).orElse("NONE");
                List<String> scopes = Nodes.strings(auth.get("AuthorizationScopes"));
                routes.add(new HttpRoute(method, path, function.logicalId(), authorizer, scopes));
            });
        }
        return routes;
    }

    /** Every Schedule / ScheduleV2 event of every function. */
    public List<ScheduleDefinition> schedules() {
        List<ScheduleDefinition> schedules = new ArrayList<>();
        for (FunctionDefinition function : functions()) {
            function.events().forEach((name, event) -> {
                Map<String, Object> definition = Nodes.map(event);
                Map<String, Object> properties = Nodes.map(definition.get("Properties"));
                Object type = definition.get("Type");
                if ("Schedule".equals(type)) {
                    boolean enabled = !Boolean.FALSE.equals(properties.get("Enabled")) && !"DISABLED".equals(properties.get("State"));
                    schedules.add(new ScheduleDefinition(function.logicalId(), name, String.valueOf(properties.get("Schedule")),
                            Optional.ofNullable(properties.get("Input")).map(String::valueOf), enabled));
                } else if ("ScheduleV2".equals(type)) {
                    boolean enabled = !"DISABLED".equals(properties.get("State"));
                    schedules.add(new ScheduleDefinition(function.logicalId(), name, String.valueOf(properties.get("ScheduleExpression")),
                            Optional.ofNullable(properties.get("Input")).map(String::valueOf), enabled));
                }
            });
        }
        return schedules;
    }

    /** The JWT authorizer configuration of the HttpApi a route belongs to. */
    public Map<String, Object> authorizer(String name) {
        for (Resource api : resourcesOfType("AWS::Serverless::HttpApi")) {
            Map<String, Object> authorizers = Nodes.map(Nodes.map(api.properties().get("Auth")).get("Authorizers"));
            if (authorizers.containsKey(name)) return Nodes.map(authorizers.get(name));
        }
        throw new IllegalArgumentException("no authorizer " + name + " in template");
    }

    private Optional<String> defaultAuthorizer(Object apiId) {
        List<Resource> apis = resourcesOfType("AWS::Serverless::HttpApi");
        String apiLogicalId = apiId instanceof Map<?, ?> ref && ref.get("Ref") != null ? String.valueOf(ref.get("Ref")) : null;
        for (Resource api : apis) {
            if (apiLogicalId != null && !api.logicalId().equals(apiLogicalId)) continue;
            Object authorizer = Nodes.map(api.properties().get("Auth")).get("DefaultAuthorizer");
            if (authorizer != null) return Optional.of(String.valueOf(authorizer));
        }
        return Optional.empty();
    }

    /** A resource of the template. */
    public record Resource(String logicalId, Map<String, Object> definition) {
        public String type() {
            return String.valueOf(definition.get("Type"));
        }

        public Map<String, Object> properties() {
            return Nodes.map(definition.get("Properties"));
        }
    }

    /** Helpers for walking the untyped YAML tree. */
    public static final class Nodes {
        private Nodes() {}

        @SuppressWarnings("unchecked")
        public static Map<String, Object> map(Object node) {
            return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }

        @SuppressWarnings("unchecked")
        public static List<Object> list(Object node) {
            return node instanceof List<?> list ? (List<Object>) list : List.of();
        }

        public static List<String> strings(Object node) {
            if (node == null) return List.of();
            if (node instanceof List<?> list) return list.stream().map(String::valueOf).toList();
            return List.of(String.valueOf(node));
        }

        /** A deep merge as SAM applies Globals: maps merge key by key, anything else is replaced. */
        public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
            Map<String, Object> merged = new LinkedHashMap<>(base);
            override.forEach((key, value) -> {
                Object existing = merged.get(key);
                if (existing instanceof Map<?, ?> && value instanceof Map<?, ?> && !isIntrinsic(value)) {
                    merged.put(key, merge(map(existing), map(value)));
                } else {
                    merged.put(key, value);
                }
            });
            return merged;
        }

        static boolean isIntrinsic(Object value) {
            if (!(value instanceof Map<?, ?> map) || map.size() != 1) return false;
            String key = String.valueOf(map.keySet().iterator().next());
            return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
        }
    }
}
