package dev.agentauth.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What the benchmark needs from template.yaml: every function (logical id, code directory,
 * handler class, environment, triggers) and the resources the emulator must hold. The list of
 * functions is never hard-coded: whatever the template declares is measured.
 */
record Template(Map<String, Object> globalsEnvironment, List<Function> functions, Map<String, Map<String, Object>> resources,
        Map<String, String> parameterDefaults) {

    record Function(String logicalId, String codeUri, String handlerClass, Map<String, Object> environment,
            List<Trigger> triggers, Map<String, Object> properties, Path artifactOverride) {

        Function(String logicalId, String codeUri, String handlerClass, Map<String, Object> environment,
                List<Trigger> triggers, Map<String, Object> properties) {
            this(logicalId, codeUri, handlerClass, environment, triggers, properties, null);
        }

        /** The same function packaged differently (an artifact directory laid out like target/lambda). */
        Function variant(Path artifactDirectory) {
            return new Function(logicalId + " [" + artifactDirectory.getFileName() + "]", codeUri, handlerClass, environment,
                    triggers, properties, artifactDirectory);
        }

        String moduleName() {
            return Path.of(codeUri).getFileName().toString();
        }

        Optional<Trigger> httpRoute() {
            return triggers.stream().filter(t -> t.type().equals("HttpApi")).findFirst();
        }

        Optional<Trigger> schedule() {
            return triggers.stream().filter(t -> t.type().equals("Schedule") || t.type().equals("ScheduleV2")).findFirst();
        }

        String describe() {
            return httpRoute().map(t -> t.method() + " " + t.path())
                    .or(() -> schedule().map(t -> "schedule " + t.path()))
                    .orElse(triggers.isEmpty() ? "(no trigger)" : triggers.get(0).type());
        }
    }

    /** An event source: for HttpApi the method and path, for schedules the expression (in path). */
    record Trigger(String type, String method, String path) {}

    static Template load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new CloudFormationConstructor(options));
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = yaml.load(reader);
        }
        Map<String, Object> globals = map(map(map(map(root.get("Globals")).get("Function")).get("Environment")).get("Variables"));
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        List<Function> functions = new ArrayList<>();
        for (Map.Entry<String, Object> e : map(root.get("Resources")).entrySet()) {
            Map<String, Object> resource = map(e.getValue());
            resources.put(e.getKey(), resource);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) continue;
            Map<String, Object> properties = map(resource.get("Properties"));
            String handler = String.valueOf(properties.get("Handler"));
            int methodSeparator = handler.indexOf("::");
            String handlerClass = methodSeparator < 0 ? handler : handler.substring(0, methodSeparator);
            Map<String, Object> environment = map(map(properties.get("Environment")).get("Variables"));
            List<Trigger> triggers = new ArrayList<>();
            for (Object value : map(properties.get("Events")).values()) {
                Map<String, Object> event = map(value);
                String type = String.valueOf(event.get("Type"));
                Map<String, Object> eventProperties = map(event.get("Properties"));
                if (type.equals("HttpApi")) {
                    triggers.add(new Trigger(type, String.valueOf(eventProperties.getOrDefault("Method", "ANY")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(eventProperties.getOrDefault("Path", "$default"))));
                } else if (type.startsWith("Schedule")) {
                    triggers.add(new Trigger(type, null, String.valueOf(eventProperties.get("Schedule"))));
                } else {
                    triggers.add(new Trigger(type, null, null));
                }
            }
            functions.add(new Function(e.getKey(), String.valueOf(properties.get("CodeUri")), handlerClass, environment,
                    List.copyOf(triggers), properties));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        map(root.get("Parameters")).forEach((name, value) -> {
            Object fallback = map(value).get("Default");
            if (fallback != null) parameters.put(name, String.valueOf(fallback));
        });
        return new Template(globals, List.copyOf(functions), resources, parameters);
    }

    List<String> resourcesOfType(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(e.getValue().get("Type"))).map(Map.Entry::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Reads CloudFormation's short-form tags (!Ref, !Sub, !GetAtt, ...) as their long form ({"Ref": x}, {"Fn::Sub": x}). */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    Object value = switch (node) {
                        case ScalarNode scalar -> constructScalar(scalar);
                        case SequenceNode sequence -> constructSequence(sequence);
                        case MappingNode mapping -> constructMapping(mapping);
                        default -> null;
                    };
                    if (function.equals("GetAtt") && value instanceof String s) value = List.of(s.split("\\.", 2));
                    return Map.of(function.equals("Ref") ? "Ref" : "Fn::" + function, value);
                }
            });
        }
    }
}
