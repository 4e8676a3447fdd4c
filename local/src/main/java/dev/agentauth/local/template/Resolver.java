package dev.agentauth.local.template;

import dev.agentauth.local.template.Template.Nodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions against local values: parameters (defaults unless
 * overridden), pseudo parameters, and the physical names/attributes of the resources created in
 * the emulator. {@code Ref}/{@code Fn::GetAtt} on a resource that was not created locally fall
 * back to a deterministic name, so a template can use resources the emulator does not need.
 */
public final class Resolver {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Template template;
    private final Map<String, String> pseudo;
    private final Map<String, String> parameters;
    private final Function<String, String> refs;
    private final Function<List<String>, String> attributes;

    /**
     * @param refs physical value of {@code Ref <logicalId>} (null when the resource is not known yet)
     * @param attributes value of {@code Fn::GetAtt [logicalId, attribute]} (null when not known)
     */
    public Resolver(Template template, Map<String, String> pseudo, Map<String, String> parameterOverrides,
                    Function<String, String> refs, Function<List<String>, String> attributes) {
        this.template = template;
        this.pseudo = Map.copyOf(pseudo);
        this.refs = refs;
        this.attributes = attributes;
        Map<String, String> values = new LinkedHashMap<>();
        template.parameters().forEach((name, definition) -> {
            Object fallback = Nodes.map(definition).get("Default");
            if (fallback != null) values.put(name, scalar(fallback));
        });
        values.putAll(parameterOverrides);
        this.parameters = Map.copyOf(values);
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    /** Resolves a value to a string (lists join with commas, as CloudFormation does for CommaDelimitedList). */
    public String string(Object node) {
        Object value = resolve(node);
        if (value instanceof List<?> list) return String.join(",", list.stream().map(String::valueOf).toList());
        return value == null ? null : scalar(value);
    }

    /** Resolves every intrinsic function inside a value, recursively. */
    public Object resolve(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (Nodes.isIntrinsic(map)) {
                Map.Entry<?, ?> call = map.entrySet().iterator().next();
                return call(String.valueOf(call.getKey()), call.getValue());
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> resolved.put(String.valueOf(key), resolve(value)));
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.forEach(item -> resolved.add(resolve(item)));
            return resolved;
        }
        return node;
    }

    private Object call(String function, Object argument) {
        return switch (function) {
            case "Ref" -> ref(String.valueOf(argument));
            case "Fn::GetAtt" -> getAtt(Nodes.strings(resolve(argument)));
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> {
                List<Object> args = Nodes.list(argument);
                String delimiter = String.valueOf(args.get(0));
                yield String.join(delimiter, Nodes.list(resolve(args.get(1))).stream().map(Resolver::scalar).toList());
            }
            case "Fn::Select" -> {
                List<Object> args = Nodes.list(argument);
                int index = Integer.parseInt(scalar(resolve(args.get(0))));
                yield Nodes.list(resolve(args.get(1))).get(index);
            }
            case "Fn::Split" -> {
                List<Object> args = Nodes.list(argument);
                yield List.of(scalar(resolve(args.get(1))).split(Pattern.quote(String.valueOf(args.get(0))), -1));
            }
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(scalar(resolve(argument)).getBytes(StandardCharsets.UTF_8));
            case "Fn::FindInMap" -> {
                List<Object> args = Nodes.list(resolve(argument));
                yield Nodes.map(Nodes.map(template.mappings().get(scalar(args.get(0)))).get(scalar(args.get(1)))).get(scalar(args.get(2)));
            }
            case "Fn::If" -> {
                List<Object> args = Nodes.list(argument);
                yield resolve(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
            }
            case "Fn::Equals" -> {
                List<Object> args = Nodes.list(resolve(argument));
                yield scalar(args.get(0)).equals(scalar(args.get(1)));
            }
            case "Fn::Not" -> !truth(Nodes.list(argument).get(0));
            case "Fn::And" -> Nodes.list(argument).stream().allMatch(this::truth);
            case "Fn::Or" -> Nodes.list(argument).stream().anyMatch(this::truth);
            case "Condition" -> condition(String.valueOf(argument));
            default -> throw new IllegalArgumentException(function + " is not supported by the local runtime");
        };
    }

    private boolean truth(Object node) {
        return Boolean.parseBoolean(scalar(resolve(node)));
    }

    public boolean condition(String name) {
        Object definition = template.conditions().get(name);
        if (definition == null) throw new IllegalArgumentException("no condition " + name);
        return truth(definition);
    }

    private String ref(String name) {
        if (pseudo.containsKey(name)) return pseudo.get(name);
        if (parameters.containsKey(name)) return parameters.get(name);
        if (template.parameters().containsKey(name)) {
            throw new IllegalArgumentException("parameter " + name + " has no default and no local value");
        }
        String physical = refs.apply(name);
        if (physical != null) return physical;
        if (template.resources().containsKey(name)) return pseudo.get("AWS::StackName") + "-" + name;
        throw new IllegalArgumentException("Ref to unknown name " + name);
    }

    private String getAtt(List<String> target) {
        String value = attributes.apply(target);
        if (value != null) return value;
        if (target.size() == 2 && target.get(1).equals("Arn")) {
            return "arn:" + pseudo.get("AWS::Partition") + ":local:" + pseudo.get("AWS::Region") + ":"
                    + pseudo.get("AWS::AccountId") + ":" + ref(target.get(0));
        }
        return ref(target.get(0)) + "." + String.join(".", target.subList(1, target.size()));
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            variables = Nodes.map(list.get(1));
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (variables.containsKey(name)) value = string(variables.get(name));
            else if (name.contains(".")) value = getAtt(List.of(name.split("\\.", 2)));
            else value = ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        // ${!Literal} is how a template writes a literal ${Literal}
        return out.toString().replace("${!", "${");
    }

    static String scalar(Object value) {
        if (value instanceof Double d && d == Math.rint(d)) return String.valueOf(d.longValue());
        return String.valueOf(value);
    }
}
