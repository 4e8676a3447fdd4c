package dev.agentauth.local.template;

import java.util.List;

/**
 * One HttpApi route of the template: {@code method} is upper case or {@code ANY}; {@code path}
 * is a template such as {@code /v1/providers/{key}} or {@code $default}; {@code authorizer} is
 * the authorizer's name or {@code NONE}.
 */
public record HttpRoute(String method, String path, String functionId, String authorizer, List<String> scopes) {

    public HttpRoute {
        scopes = List.copyOf(scopes);
    }

    public String routeKey() {
        return path.equals("$default") ? "$default" : method + " " + path;
    }

    public boolean requiresToken() {
        return !authorizer.equals("NONE");
    }
}
