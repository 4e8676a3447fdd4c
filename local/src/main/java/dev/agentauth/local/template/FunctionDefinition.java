package dev.agentauth.local.template;

import dev.agentauth.local.template.Template.Nodes;
import java.util.Map;

/**
 * A {@code AWS::Serverless::Function} with the template's {@code Globals.Function} merged in,
 * as SAM merges them (environment variables key by key, the function's own value wins).
 */
public record FunctionDefinition(String logicalId, Map<String, Object> properties) {

    static FunctionDefinition of(Template.Resource resource, Map<String, Object> globals) {
        return new FunctionDefinition(resource.logicalId(), Nodes.merge(globals, resource.properties()));
    }

    /** {@code CodeUri}, e.g. {@code functions/get-provider}. */
    public String codeUri() {
        return String.valueOf(properties.get("CodeUri"));
    }

    /** The module directory name, which also names the sample event ({@code events/<module>.json}). */
    public String moduleName() {
        String uri = codeUri();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** {@code Handler}: {@code package.Class::method}. */
    public String handler() {
        return String.valueOf(properties.get("Handler"));
    }

    public String handlerClass() {
        return handler().split("::", 2)[0];
    }

    public String handlerMethod() {
        String[] parts = handler().split("::", 2);
        return parts.length == 2 ? parts[1] : "handleRequest";
    }

    /** Unresolved environment variables (values may hold intrinsic functions). */
    public Map<String, Object> environment() {
        return Nodes.map(Nodes.map(properties.get("Environment")).get("Variables"));
    }

    public Map<String, Object> events() {
        return Nodes.map(properties.get("Events"));
    }

    public int timeoutSeconds() {
        Object timeout = properties.get("Timeout");
        return timeout instanceof Number n ? n.intValue() : 3;
    }

    public int memoryMb() {
        Object memory = properties.get("MemorySize");
        return memory instanceof Number n ? n.intValue() : 128;
    }
}
