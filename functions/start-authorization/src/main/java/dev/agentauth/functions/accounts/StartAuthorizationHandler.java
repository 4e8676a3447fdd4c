package dev.agentauth.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.application.accounts.StartAuthorization;
import dev.agentauth.config.Environment;
import dev.agentauth.domain.FieldError;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.http.ApiRequest;
import dev.agentauth.http.ApiResponse;
import dev.agentauth.http.HttpApi;
import dev.agentauth.http.Permission;
import dev.agentauth.lambda.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** POST /v1/connections/{id}/authorizations: starts connecting an end user's account (OAuth code + PKCE). */
public final class StartAuthorizationHandler implements RequestStreamHandler {

    private static final Set<String> FIELDS = Set.of("user_id", "scopes", "return_to");

    private final HttpApi api;
    private final StartAuthorization startAuthorization;

    public StartAuthorizationHandler() {
        this(Environment.system());
    }

    public StartAuthorizationHandler(Environment environment) {
        StartAuthorizationComponent component = StartAuthorizationComponent.create(environment);
        this.api = component.api();
        this.startAuthorization = component.startAuthorization();
        Priming.register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        api.serve(input, output, context, Permission.ACCOUNTS_WRITE, request -> {
            StartAuthorization.Started started = startAuthorization.start(request.caller(), command(request), request.requestId());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("authorization_url", started.authorizationUrl());
            body.put("account_id", started.accountId());
            body.put("expires_at", started.expiresAt().toString());
            return ApiResponse.json(201, body).withHeader("Location", "/v1/accounts/" + started.accountId());
        });
    }

    private static StartAuthorization.Command command(ApiRequest request) {
        String connectionId = request.pathParameter("id");
        ObjectNode body = request.jsonObject();
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) errors.add(new FieldError(name, "is not a known field"));
        });
        String userId = text(body, "user_id", errors);
        String returnTo = text(body, "return_to", errors);
        List<String> scopes = null;
        JsonNode scopesNode = body.get("scopes");
        if (scopesNode != null && !scopesNode.isNull()) {
            if (!scopesNode.isArray()) {
                errors.add(new FieldError("scopes", "must be an array of strings"));
            } else {
                scopes = new ArrayList<>();
                for (int i = 0; i < scopesNode.size(); i++) {
                    if (!scopesNode.get(i).isTextual()) errors.add(new FieldError("scopes[" + i + "]", "must be a string"));
                    else scopes.add(scopesNode.get(i).asText());
                }
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new StartAuthorization.Command(connectionId, userId, scopes, returnTo);
    }

    private static String text(ObjectNode body, String field, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.asText();
    }
}
