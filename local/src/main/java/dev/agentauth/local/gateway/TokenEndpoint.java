package dev.agentauth.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentauth.domain.FieldError;
import dev.agentauth.domain.ValidationException;
import dev.agentauth.http.ApiRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /_local/token}: mints a development token, e.g. {@code {"tenant_id":"t1",
 * "scopes":["connections:read"],"subject":"alice"}} → {@code {"access_token":"...",
 * "token_type":"Bearer","expires_in":3600}}. Only the local runtime has this route.
 */
final class TokenEndpoint {

    private final TokenIssuer issuer;

    TokenEndpoint(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    Map<String, Object> mint(ApiRequest request) {
        ObjectNode body = request.jsonObject();
        List<FieldError> errors = new ArrayList<>();
        JsonNode tenant = body.path("tenant_id");
        if (!tenant.isTextual() || tenant.asText().isBlank()) errors.add(new FieldError("tenant_id", "is required (a non-empty string)"));
        List<String> scopes = new ArrayList<>();
        JsonNode scopeList = body.path("scopes");
        if (!scopeList.isMissingNode() && !scopeList.isNull()) {
            if (!scopeList.isArray()) {
                errors.add(new FieldError("scopes", "must be an array of strings"));
            } else {
                for (int i = 0; i < scopeList.size(); i++) {
                    JsonNode scope = scopeList.get(i);
                    if (!scope.isTextual() || scope.asText().isBlank() || scope.asText().contains(" ")) {
                        errors.add(new FieldError("scopes[" + i + "]", "must be a scope name such as connections:read"));
                    } else {
                        scopes.add(scope.asText());
                    }
                }
            }
        }
        JsonNode subject = body.path("subject");
        if (!subject.isMissingNode() && !subject.isNull() && (!subject.isTextual() || subject.asText().isBlank())) {
            errors.add(new FieldError("subject", "must be a non-empty string"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String token = issuer.mint(tenant.asText(), scopes, subject.isTextual() ? subject.asText() : null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", TokenIssuer.LIFETIME.toSeconds());
        return answer;
    }
}
